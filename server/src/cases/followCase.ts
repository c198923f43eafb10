import { AppError, followableStatuses } from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import type { CaseDocument } from './case.model'
import { commitChange, loadCase } from './commitChange'
import { canFollowCase } from './policy'

const attempts = 5

/**
 * "Me too": the resident follows the case from now on. A change like any other — an event in
 * the case's log, committed by the same protocol — and idempotent: following again changes
 * nothing. Many residents may press it at once, so a lost race is simply tried again.
 */
export async function followCase(viewer: Viewer, caseId: string, now: Date): Promise<CaseDocument> {
  for (let attempt = 0; ; attempt += 1) {
    const record = await loadCase(caseId)
    // Not 403: a private case's id must not confirm that it exists.
    if (!canFollowCase(record)) throw new AppError('NOT_FOUND')
    if (!followableStatuses.includes(record.status))
      throw new AppError('INVALID_TRANSITION', { details: { status: record.status, action: 'follow' } })
    if (record.followers.some((id) => String(id) === viewer.userId)) return record
    try {
      return await commitChange(
        record,
        { to: record.status, set: {}, inc: {}, involveUnitIds: [], addFollowers: [viewer.userId] },
        {
          action: 'follow',
          actor: { userId: viewer.userId, role: viewer.role, unitId: viewer.unitId },
          at: now,
          // Who follows a case is nobody else's business: the event stays out of public timelines.
          public: false,
        },
      )
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CASE_CHANGED') || attempt + 1 >= attempts)
        throw error
    }
  }
}
