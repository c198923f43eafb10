import { AppError, caseStatusLabels, lookupPolicy, maskName, type CaseLookupInput } from '@minqing/shared'
import { CaseEventModel } from '../cases/caseEvent.model'
import { loadCase } from '../cases/commitChange'
import { publicText } from '../cases/publicView'
import { isDuplicateKey } from '../db/duplicateKey'
import type { AppDeps } from '../http/deps'
import { enforceRateLimit } from '../rateLimit/rateLimit'
import { UnitModel } from '../units/unit.model'
import { IntakeCallModel, type IntakeCallDocument } from './intakeCall.model'
import type { CaseDocument } from '../cases/case.model'
import { lookupKey } from './queryCode'
import { LookupFailureModel } from './lookupFailure.model'

/**
 * A caller looks their case up with phone + query code, without an account. Against guessing:
 * a per-IP limit, and per phone at most `failuresPerPhone` wrong codes per lock window — each
 * failure is claimed by a unique insert, so concurrent guesses cannot exceed it on FerretDB.
 * Once they are spent even the right code is refused until the window ends (the answer must not
 * tell a guesser they hit).
 */
export async function lookupCase(deps: AppDeps, input: CaseLookupInput, clientIp: string) {
  const now = deps.clock.now()
  await enforceRateLimit(
    { key: `case-lookup:ip:${clientIp}`, max: lookupPolicy.perIpPerHour, windowSeconds: 3600 },
    now,
  )
  const windowMs = lookupPolicy.lockMinutes * 60_000
  const window = Math.floor(now.getTime() / windowMs)
  const failureKey = (n: number) => `case-lookup|${input.phone}|${window}|${n}`
  const locked = async () =>
    Boolean(await LookupFailureModel.exists({ _id: failureKey(lookupPolicy.failuresPerPhone) }))
  if (await locked()) throw lockedError(now, window, windowMs)

  const intake = await IntakeCallModel.findOne({ lookupKey: lookupKey(deps, input.phone, input.code) })
  if (!intake) {
    for (let n = 1; n <= lookupPolicy.failuresPerPhone; n++)
      if (await claimFailure(failureKey(n), now)) {
        if (n === lookupPolicy.failuresPerPhone) throw lockedError(now, window, windowMs)
        throw new AppError('LOOKUP_NOT_FOUND', {
          details: { attemptsLeft: lookupPolicy.failuresPerPhone - n },
        })
      }
    throw lockedError(now, window, windowMs)
  }
  return presentLookup(intake, await loadCase(String(intake.caseId)))
}

/** Failure n of a phone's window, claimed by a unique insert: true for the one caller who stored it. */
async function claimFailure(key: string, at: Date): Promise<boolean> {
  try {
    await LookupFailureModel.create({ _id: key, at })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

function lockedError(now: Date, window: number, windowMs: number) {
  return new AppError('LOOKUP_LOCKED', {
    details: { retryAfterSeconds: Math.ceil(((window + 1) * windowMs - now.getTime()) / 1000) },
  })
}

/**
 * What the caller sees: status, the unit in charge and the public replies, texts stripped of
 * personal data, names masked — the page can be opened on a shared phone.
 */
async function presentLookup(intake: IntakeCallDocument, record: CaseDocument) {
  const unit = record.unitId ? await UnitModel.findById(record.unitId, { name: 1 }) : null
  const events = await CaseEventModel.find({ caseId: record._id, public: true }).sort({ seq: 1, _id: 1 })
  return {
    number: record.number,
    channel: intake.channel,
    caller: { name: maskName(intake.caller.name) ?? null },
    title: publicText(record.title),
    status: record.status,
    statusLabel: caseStatusLabels[record.status],
    unitName: unit?.name ?? null,
    submittedAt: record.submittedAt.toISOString(),
    expectedAnswerBy: record.deadlines.expectedAnswerBy?.toISOString() ?? null,
    rating: record.rating?.value ?? null,
    replies: events
      // The automatic first reply too: the caller learns the unit and the time standard here as well.
      .filter((event) => ['firstReply', 'reply', 'resolve'].includes(event.action) && event.message)
      .map((event) => ({
        action: event.action,
        at: event.at.toISOString(),
        message: publicText(event.message!),
      })),
  }
}
