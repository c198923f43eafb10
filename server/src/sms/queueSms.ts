import type { AppDeps } from '../http/deps'
import { OutboxModel } from '../notifications/outbox.model'
import { processOutbox } from '../notifications/processOutbox'

/**
 * Puts one SMS in the outbox (retry state on the record) and starts a send now rather than at the
 * next outbox tick; a failed send stays in the outbox and is retried.
 */
export async function queueSms(
  deps: AppDeps,
  phone: string,
  template: string,
  params: Record<string, string>,
): Promise<void> {
  await OutboxModel.create({
    channel: 'sms',
    userId: null,
    address: phone,
    payload: { template, params },
    nextAttemptAt: deps.clock.now(),
  })
  if (deps.sms)
    void processOutbox(deps).catch((error: unknown) => deps.logger.error({ err: error }, 'SMS send failed'))
}
