import type { CaseAction } from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'
import type { AppDeps } from '../http/deps'
import { IntakeCallModel } from '../intake/intakeCall.model'
import { requestRatingBySms } from '../ratings/requestRating'
import { queueSms } from './queueSms'

/**
 * A caller filed by an operator has no app: the key events of their case reach them by SMS —
 * accepted (number + query code), replied, resolved, and the rating request that follows.
 * Cases of residents (no intake record) are left alone.
 */
export async function notifyCallerBySms(
  deps: AppDeps,
  record: CaseDocument,
  action: CaseAction | 'submit',
): Promise<void> {
  if (!['submit', 'reply', 'resolve'].includes(action) || !record.originId) return
  const intake = await IntakeCallModel.findById(record.originId)
  if (!intake?.caller?.phone) return
  const { config } = deps
  const phone = intake.caller.phone
  if (action === 'submit')
    await queueSms(deps, phone, config.SMS_TEMPLATE_CASE_ACCEPTED, {
      number: record.number,
      code: intake.queryCode,
    })
  if (action === 'reply')
    await queueSms(deps, phone, config.SMS_TEMPLATE_CASE_REPLIED, { number: record.number })
  if (action === 'resolve') {
    await queueSms(deps, phone, config.SMS_TEMPLATE_CASE_RESOLVED, { number: record.number })
    await requestRatingBySms(deps, record, phone)
  }
}
