import { AppError, type IntakeInput } from '@minqing/shared'
import { categoryExists } from '../categories/categoryTree'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { caseIdFor, submitCase } from '../cases/submitCase'
import { isDuplicateKey } from '../db/duplicateKey'
import { IntakeCallModel, type IntakeCallDocument } from './intakeCall.model'
import { lookupKey, newQueryCode } from './queryCode'

/**
 * Files a case for a caller. The intake record (caller, channel, query code) is written first,
 * under the id the case will have, so the accepted SMS sent while the case is submitted finds it;
 * then `submitCase` files and routes the case as for a resident (source = the channel). Idempotent
 * on (operator, clientId): a retry returns the same case and query code.
 */
export async function fileIntake(deps: AppDeps, viewer: Viewer, input: IntakeInput) {
  // Checked before the intake record is written, so a bad category leaves nothing behind.
  if (!(await categoryExists(input.categoryCode, viewer.tenantId ?? null)))
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'categoryCode', code: 'not_found', message: '分类不存在 / Unknown category' }],
    })
  const id = caseIdFor(viewer.userId, input.clientId)
  const intake = (await IntakeCallModel.findById(id)) ?? (await createIntakeCall(deps, viewer, input, id))
  const { record, created } = await submitCase(
    deps,
    viewer,
    {
      clientId: input.clientId,
      kind: input.kind,
      categoryCode: input.categoryCode,
      title: input.title,
      description: input.description,
      urgency: input.urgency,
      location: input.location,
      photos: [],
      contactPhone: input.caller.phone,
      // A caller's case is not published: they did not consent in an app.
      anonymous: false,
      publicConsent: false,
    },
    { source: input.channel, originId: String(id) },
  )
  return { record, intake, created }
}

async function createIntakeCall(
  deps: AppDeps,
  viewer: Viewer,
  input: IntakeInput,
  id: IntakeCallDocument['_id'],
): Promise<IntakeCallDocument> {
  // A clash on lookupKey (same phone drew the same code) draws again; one on _id is a concurrent retry.
  for (let attempt = 0; attempt < 5; attempt++) {
    const queryCode = newQueryCode()
    try {
      return await IntakeCallModel.create({
        _id: id,
        caseId: id,
        channel: input.channel,
        caller: input.caller,
        wantsCallBack: input.wantsCallBack,
        operatorId: viewer.userId,
        receivedAt: deps.clock.now(),
        queryCode,
        lookupKey: lookupKey(deps, input.caller.phone, queryCode),
      })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      const winner = await IntakeCallModel.findById(id)
      if (winner) return winner
    }
  }
  throw new Error('could not draw a free query code')
}
