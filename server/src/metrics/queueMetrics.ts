import mongoose from 'mongoose'
import { Gauge } from 'prom-client'
import { OutboxModel } from '../notifications/outbox.model'
import { metricsRegistry } from './registry'

/** Outbox statuses still to be worked, each counted with an equality filter (pushed down on FerretDB). */
const waitingStatuses = ['pending', 'sending', 'failed'] as const

/**
 * Outbox depth, counted at scrape time. Visits have no server-side queue: a phone's offline
 * visits wait on the phone, and a batch being applied shows as an in-flight request of
 * POST /api/v1/visits/sync (minqing_http_requests_in_flight and the request histogram).
 */
new Gauge({
  name: 'minqing_outbox_messages',
  help: 'Outbox messages (WeChat, SMS) by status: pending and sending are the queue, failed gave up',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
  async collect() {
    if (mongoose.connection.readyState !== 1) return
    for (const status of waitingStatuses)
      this.set({ status }, await OutboxModel.countDocuments({ status }).catch(() => Number.NaN))
  },
})
