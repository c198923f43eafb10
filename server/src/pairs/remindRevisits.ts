import type { AppDeps } from '../http/deps'
import { NotificationModel } from '../notifications/notification.model'
import { PairModel } from './pair.model'
import { presentPairs } from './pairs'
import { claimOnce } from '../db/claims'

/**
 * Reminds staff of paired households whose revisit is due within three days or overdue: one
 * in-app notification per pair and due date. The claim is an insert keyed by pair and due date
 * (claimOnce), so with several server instances each reminder is still sent once.
 */
export async function remindDueRevisits(deps: AppDeps): Promise<number> {
  const now = deps.clock.now()
  const pairs = await PairModel.find({ endedAt: null }).limit(5000)
  const presented = await presentPairs(pairs, now)
  let sent = 0
  for (const [index, pair] of pairs.entries()) {
    const due = presented[index]!.revisit
    if (due.state === 'ok' || pair.remindedFor === due.dueOn) continue
    const claimed = await claimOnce(`pairReminder|${String(pair._id)}|${due.dueOn}`, now)
    await PairModel.updateOne({ _id: pair._id }, { $set: { remindedFor: due.dueOn } })
    if (!claimed) continue
    await NotificationModel.create({
      userId: pair.staffId,
      action: 'pairRevisit',
      title: due.state === 'overdue' ? '结对户回访已逾期' : '结对户即将到期回访',
      body: `${pair.household.name ?? ''}：请在 ${due.dueOn} 前回访`,
      url: '/pages/visits/pairs/index',
    })
    sent++
  }
  return sent
}
