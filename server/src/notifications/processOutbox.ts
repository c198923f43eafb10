import { claimOnce } from '../db/claims'
import type { AppDeps } from '../http/deps'
import { MessengerError } from './wechatMessenger'
import { OutboxModel, type OutboxChannel, type OutboxDocument } from './outbox.model'
import { SmsError, type SmsMessage } from '../sms/smsGateway'

export const outboxPolicy = { maxAttempts: 5, baseDelayMs: 60_000, leaseMs: 60_000 } as const

/**
 * Sends what is due in the outbox. Each item is leased by an update and each attempt claimed
 * once (claimOnce), so several server instances can run this at once without sending anything twice; an item whose
 * sender died is claimed again when its lease runs out. Failures back off exponentially and
 * give up after maxAttempts, with the error kept on the record.
 */
export async function processOutbox(deps: AppDeps, limit = 50): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 }
  const senders = outboxSenders(deps)
  const channels = Object.keys(senders)
  if (channels.length === 0) return result
  for (let i = 0; i < limit; i++) {
    const now = deps.clock.now()
    const item = await OutboxModel.findOneAndUpdate(
      {
        channel: { $in: channels },
        $or: [
          { status: 'pending', nextAttemptAt: { $lte: now } },
          { status: 'sending', leaseUntil: { $lt: now } },
        ],
      },
      {
        $set: { status: 'sending', leaseUntil: new Date(now.getTime() + outboxPolicy.leaseMs) },
        $inc: { attempts: 1 },
      },
      { sort: { nextAttemptAt: 1 }, new: true },
    )
    if (!item) break
    // The update above is not atomic on FerretDB: two senders may both get this item with the
    // same attempt number. The insert-once claim picks one of them.
    if (!(await claimOnce(`outbox|${String(item._id)}|${item.attempts}`, now))) continue
    try {
      await senders[item.channel as OutboxChannel]!(item)
      await OutboxModel.updateOne(
        { _id: item._id },
        { $set: { status: 'sent', sentAt: deps.clock.now(), leaseUntil: null, lastError: null } },
      )
      result.sent++
    } catch (error) {
      const message =
        error instanceof MessengerError || error instanceof SmsError ? error.message : 'send failed'
      const giveUp = item.attempts >= outboxPolicy.maxAttempts
      await OutboxModel.updateOne(
        { _id: item._id },
        {
          $set: {
            status: giveUp ? 'failed' : 'pending',
            lastError: message,
            leaseUntil: null,
            nextAttemptAt: new Date(now.getTime() + outboxPolicy.baseDelayMs * 2 ** (item.attempts - 1)),
          },
        },
      )
      result.failed++
    }
  }
  return result
}

/** Who sends each channel's messages; a channel without a configured sender waits. */
function outboxSenders(
  deps: AppDeps,
): Partial<Record<OutboxChannel, (item: OutboxDocument) => Promise<void>>> {
  const senders: Partial<Record<OutboxChannel, (item: OutboxDocument) => Promise<void>>> = {}
  const { messenger, sms } = deps
  if (messenger)
    senders.wechatSubscribe = (item) =>
      messenger.sendCaseUpdate(
        item.address,
        item.payload as Parameters<typeof messenger.sendCaseUpdate>[1],
        item.templateId ?? deps.config.WECHAT_SUBSCRIBE_TEMPLATE_ID ?? '',
      )
  if (sms)
    senders.sms = (item) => {
      const payload = item.payload as Omit<SmsMessage, 'phone'>
      return sms.send({ phone: item.address, template: payload.template, params: payload.params })
    }
  return senders
}
