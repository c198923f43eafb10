import { caseSettings } from '../settings/currentSettings'
import {
  AppError,
  awaitingSignatureStatuses,
  fillTemplate,
  plainTime,
  type CaseStatus,
} from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'
import { commitChange, loadCase } from '../cases/commitChange'
import { claimOnce } from '../db/claims'
import type { AppDeps } from '../http/deps'
import { IntakeCallModel } from '../intake/intakeCall.model'
import { queueSms } from '../sms/queueSms'
import { placeholderValues } from './caseValues'
import { applicableTemplates } from './templatesForCase'

/** Said when no enabled first-reply template applies: the time standard is never left out. */
const builtIn =
  '{反映人称呼}，您好！您反映的问题（编号{案件编号}）已转交{责任单位}办理。按照办理时限标准，{时限标准}。'

/**
 * The automatic first reply (首次答复) once a case is routed to a unit: a public case event the
 * resident reads on the case, and an SMS when an operator filed it for a caller. It tells the
 * unit and the time standard (sign-for and answer limits, shared/src/deadlines).
 *
 * Once per routing: a routing is the case, the unit and the moment the unit received it
 * (`unitReceivedAt`, set by every commit that hands the case to a unit). That key is claimed by
 * a unique insert before anything is written, so a retried submit, a repeated call after any
 * later action, or two instances at once send it once; a transfer is a new routing and is told.
 */
export async function sendFirstReply(deps: AppDeps, routed: CaseDocument): Promise<void> {
  if (!routed.unitId || !routed.unitReceivedAt) return
  if (!awaitingSignatureStatuses.includes(routed.status as CaseStatus)) return
  const key = `firstReply|${String(routed._id)}|${String(routed.unitId)}|${routed.unitReceivedAt.getTime()}`
  if (!(await claimOnce(key, deps.clock.now()))) return
  try {
    const [template] = await applicableTemplates(routed, 'firstReply')
    // Read once for both the form of address and the SMS (issue 18: the background step's reads).
    const call = await IntakeCallModel.findById(routed._id, { caller: 1 }).lean()
    const values = await placeholderValues(routed, caseSettings(deps, routed).limits, { call })
    const message = fillTemplate(template?.body ?? builtIn, values)
    await appendFirstReply(deps, routed, message, String(routed.unitId))
    if (call?.caller?.phone)
      await queueSms(deps, call.caller.phone, deps.config.SMS_TEMPLATE_CASE_ROUTED, {
        number: routed.number,
        unit: values.责任单位 ?? '',
        acceptBy: routed.deadlines.acceptBy ? plainTime(routed.deadlines.acceptBy) : '',
        answerBy: routed.deadlines.expectedAnswerBy ? plainTime(routed.deadlines.expectedAnswerBy) : '',
      })
  } catch (error) {
    // The routing stands; the log names the case so the reply can be sent by hand.
    deps.logger.error({ err: error, caseId: String(routed._id) }, 'first reply failed')
  }
}

/**
 * Appended event-first like every change; a concurrent change (the unit signing) is retried. The
 * first attempt commits on the case the caller has just read (the background step read it once,
 * issue 18): if it is stale, or an event was stored but not applied (a crash), the event's
 * sequence number is taken, the commit answers CASE_CHANGED, and the retry loads the case afresh.
 */
async function appendFirstReply(deps: AppDeps, routed: CaseDocument, message: string, unitId: string) {
  for (let attempt = 0; ; attempt++) {
    const record = attempt === 0 ? routed : await loadCase(String(routed._id))
    try {
      await commitChange(
        record,
        { to: record.status, set: {}, inc: {}, involveUnitIds: [] },
        {
          action: 'firstReply',
          actor: { userId: null, role: 'system', unitId: null },
          at: deps.clock.now(),
          message,
          public: true,
          data: { unitId },
        },
      )
      return
    } catch (error) {
      const changed = error instanceof AppError && error.code === 'CASE_CHANGED'
      if (!changed || attempt >= 3) throw error
    }
  }
}
