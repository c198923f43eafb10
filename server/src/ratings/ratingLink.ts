import { AppError, caseStatusLabels, type Rating } from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'
import { loadCase } from '../cases/commitChange'
import { publicText } from '../cases/publicView'
import type { AppDeps } from '../http/deps'
import { RatingAttemptModel } from './ratingAttempt.model'
import { linkKeyOf } from './requestRating'
import { recordRating } from './recordRating'

/** The case a one-time rating link is for, while it still waits for that rating; else 404. */
async function openLink(code: string): Promise<CaseDocument> {
  const attempt = /^[A-Z0-9]{10}$/.test(code)
    ? await RatingAttemptModel.findOne({ linkKey: linkKeyOf(code), kind: 'sms' })
    : null
  if (!attempt || attempt.answeredAt) throw new AppError('RATING_LINK_INVALID')
  const record = await loadCase(String(attempt.caseId))
  if (record.status !== 'resolved' || record.resolvedAt?.getTime() !== attempt.resolvedAt.getTime())
    throw new AppError('RATING_LINK_INVALID')
  return record
}

/** What the link's page shows: enough to know which case is rated, nothing personal. */
export async function showRatingLink(code: string) {
  const record = await openLink(code)
  return {
    number: record.number,
    title: publicText(record.title),
    status: record.status,
    statusLabel: caseStatusLabels[record.status],
    resolvedAt: record.resolvedAt?.toISOString() ?? null,
  }
}

/** Rates through the link; the link then stops working (every attempt of this resolution is answered). */
export async function rateByLink(deps: AppDeps, code: string, answer: { rating: Rating; comment?: string }) {
  const record = await openLink(code)
  const updated = await recordRating(deps, record, {
    ...answer,
    ratedVia: 'link',
    actor: { userId: null, role: 'system', unitId: null },
  })
  return { number: updated.number, status: updated.status, statusLabel: caseStatusLabels[updated.status] }
}
