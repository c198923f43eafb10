import { caseStatusLabels, type CaseAction } from '@minqing/shared'
import type { Types } from 'mongoose'
import type { AppDeps } from '../http/deps'
import type { CaseDocument } from '../cases/case.model'
import { UnitModel } from '../units/unit.model'
import { IdentityModel } from '../users/identity.model'
import { userDirectory } from '../users/user.model'
import { NotificationModel } from './notification.model'
import { OutboxModel } from './outbox.model'
import { audiencesFor, notificationTitle } from './recipients'

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
    if (deps.messenger && recipients.has(resident)) {
      const wechat = await IdentityModel.findOne({ provider: 'wechat', userId: resident })
      if (wechat) {
        await OutboxModel.create({
          channel: 'wechatSubscribe',
          userId: resident,
          address: wechat.key,
          payload: {
            caseId: String(record._id),
            number: record.number,
            title: record.title,
            status: caseStatusLabels[record.status],
            at: deps.clock.now().toISOString(),
          },
          nextAttemptAt: deps.clock.now(),
        })
      }
    }
  } catch (error) {
    deps.logger.error({ err: error, caseId: String(record._id), action }, 'notification failed')
  }
}
