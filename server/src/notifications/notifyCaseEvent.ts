import { caseStatusLabels, type CaseAction } from '@minqing/shared'
import type { AppDeps } from '../http/deps'
import type { CaseDocument } from '../cases/case.model'
import { UnitModel } from '../units/unit.model'
import { IdentityModel } from '../users/identity.model'
import { userDirectory } from '../users/user.model'
import { NotificationModel } from './notification.model'
import { OutboxModel } from './outbox.model'
import { spendAllowance } from './allowances'
import { subscribeTemplates, templateKindFor } from './subscribeTemplates'
import { Types } from 'mongoose'
import { audiencesFor, notificationTitle } from './recipients'
import { notifyCallerBySms } from '../sms/callerMessages'

/**
 * Tells everyone a case event concerns: an in-app notification each, and a WeChat subscribe
 * message (through the outbox) for residents who use WeChat. The actor is not told of their own
 * action. Failures here are logged, never undo the case change they report.
 */
export async function notifyCaseEvent(
  deps: AppDeps,
  record: CaseDocument,
  action: CaseAction | 'submit',
  actorUserId: string | null,
  context: { reopened?: boolean; isPublic?: boolean } = {},
): Promise<void> {
  // Callers filed by an operator hear by SMS; a failure is logged and the case change stands.
  await notifyCallerBySms(deps, record, action).catch((error: unknown) =>
    deps.logger.error({ err: error, caseId: String(record._id), action }, 'caller SMS failed'),
  )
  try {
    const audiences = audiencesFor(action, { routed: record.unitId !== null, ...context })
    const recipients = new Set<string>()
    if (audiences.resident) {
      recipients.add(String(record.createdBy))
      for (const follower of record.followers) recipients.add(String(follower))
    }
    const add = async (role: 'handler' | 'leader' | 'admin', unitIds?: readonly Types.ObjectId[]) => {
      const units = unitIds ? new Set(unitIds.map(String)) : null
      for (const user of await userDirectory.get())
        if (user.role === role && (!units || (user.unitId && units.has(user.unitId)))) recipients.add(user.id)
    }
    if (audiences.unitHandlers && record.unitId) await add('handler', [record.unitId])
    if (audiences.coUnitHandlers && record.coUnitIds.length) await add('handler', record.coUnitIds)
    if (audiences.unitLeaders && record.unitId) {
      const unit = await UnitModel.findById(record.unitId, { path: 1 })
      if (unit) await add('leader', [unit._id, ...unit.path])
    }
    if (audiences.dispatchCentre) await add('admin')
    if (actorUserId) recipients.delete(actorUserId)
    if (recipients.size === 0) return

    const title = notificationTitle(action, context.reopened)
    const body = `${record.number} ${record.title}（${caseStatusLabels[record.status]}）`
    await NotificationModel.insertMany(
      [...recipients].map((userId) => ({
        userId,
        caseId: record._id,
        caseNumber: record.number,
        action,
        title,
        body,
      })),
    )

    const resident = String(record.createdBy)
    if (deps.messenger && recipients.has(resident)) await queueSubscribeMessage(deps, record, resident)
  } catch (error) {
    deps.logger.error({ err: error, caseId: String(record._id), action }, 'notification failed')
  }
}

/**
 * A WeChat resident hears of the change by subscribe message only when they allowed one of that
 * template (a tap on 订阅提醒): the allowance is used up by this message. Otherwise the outbox
 * keeps the message as `skipped` with the reason, so an admin can see why nothing was sent.
 */
async function queueSubscribeMessage(deps: AppDeps, record: CaseDocument, resident: string) {
  const wechat = await IdentityModel.findOne({ provider: 'wechat', userId: resident })
  if (!wechat) return
  const kind = templateKindFor(record.status)
  const template = subscribeTemplates(deps.config).find((t) => t.kind === kind)
  const now = deps.clock.now()
  const outboxId = new Types.ObjectId()
  const allowed = template
    ? await spendAllowance(resident, template.templateId, record._id, outboxId, now)
    : false
  await OutboxModel.create({
    _id: outboxId,
    channel: 'wechatSubscribe',
    userId: resident,
    address: wechat.key,
    templateId: template?.templateId ?? null,
    payload: {
      caseId: String(record._id),
      number: record.number,
      title: record.title,
      status: caseStatusLabels[record.status],
      at: now.toISOString(),
    },
    nextAttemptAt: now,
    ...(allowed
      ? {}
      : {
          status: 'skipped',
          lastError: template ? 'NO_SUBSCRIPTION_ALLOWANCE' : 'TEMPLATE_NOT_CONFIGURED',
        }),
  })
}
