import { queryCodeAlphabet } from '@minqing/shared'
import { createHash, randomInt } from 'node:crypto'
import type { CaseDocument } from '../cases/case.model'
import { isDuplicateKey } from '../db/duplicateKey'
import type { AppDeps } from '../http/deps'
import { queueSms } from '../sms/queueSms'
import { RatingAttemptModel } from './ratingAttempt.model'

export const linkKeyOf = (code: string) =>
  createHash('sha256').update(`rating-link|${code}`).digest('base64url')

/** The id of attempt n of a kind for the case's current resolution. */
export const attemptId = (record: CaseDocument, kind: 'sms' | 'call', n: number) =>
  `${String(record._id)}|${record.resolvedAt?.getTime() ?? 0}|${kind}|${n}`

/** Attempts made for the case's current resolution, by kind. */
export async function attemptsFor(record: CaseDocument) {
  const attempts = record.resolvedAt
    ? await RatingAttemptModel.find({ caseId: record._id, resolvedAt: record.resolvedAt }).sort({
        at: 1,
        _id: 1,
      })
    : []
  return {
    attempts,
    sms: attempts.filter((item) => item.kind === 'sms').length,
    calls: attempts.filter((item) => item.kind === 'call').length,
  }
}

/**
 * Sends the next rating SMS for the case's resolution: "回复1满意，2基本满意，3不满意", plus a
 * one-time H5 link. Attempt n is claimed by insert, so it is sent once even with several senders.
 */
export async function requestRatingBySms(
  deps: AppDeps,
  record: CaseDocument,
  phone: string,
): Promise<boolean> {
  if (!record.resolvedAt) return false
  const { sms } = await attemptsFor(record)
  const code = Array.from({ length: 10 }, () => queryCodeAlphabet[randomInt(queryCodeAlphabet.length)]).join(
    '',
  )
  try {
    await RatingAttemptModel.create({
      _id: attemptId(record, 'sms', sms + 1),
      caseId: record._id,
      resolvedAt: record.resolvedAt,
      kind: 'sms',
      phone,
      linkKey: linkKeyOf(code),
      at: deps.clock.now(),
    })
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
  const base = deps.config.PUBLIC_BASE_URL ?? ''
  await queueSms(deps, phone, deps.config.SMS_TEMPLATE_RATING_REQUEST, {
    number: record.number,
    reply: '回复1满意，2基本满意，3不满意',
    link: `${base}/#/pages/lookup/rate/index?c=${code}`,
  })
  return true
}
