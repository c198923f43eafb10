import type { mongo } from 'mongoose'
import { Counter, Gauge } from 'prom-client'
import { metricsRegistry } from './registry'

const pool = new Gauge({
  name: 'minqing_db_pool_connections',
  help: 'Database driver pool: open connections, those checked out by an operation, operations waiting for one, and the maximum',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
})

const commands = new Counter({
  name: 'minqing_db_commands_total',
  help: 'Database commands sent, by command name (find, insert, update, aggregate…)',
  labelNames: ['command'] as const,
  registers: [metricsRegistry],
})

const counts = { open: 0, inUse: 0, waiting: 0 }

function publish(maxPoolSize: number): void {
  pool.set({ state: 'open' }, counts.open)
  pool.set({ state: 'in_use' }, counts.inUse)
  pool.set({ state: 'waiting' }, counts.waiting)
  pool.set({ state: 'max' }, maxPoolSize)
}

/**
 * Follows a driver client's connection-pool and command events (CMAP and command monitoring), so
 * operations can see pool exhaustion and the bench can count database commands per request.
 * Called once per client, before it connects.
 */
export function observeDatabaseClient(client: mongo.MongoClient): void {
  const max = client.options.maxPoolSize
  const update = (change: Partial<typeof counts>) => {
    for (const [key, delta] of Object.entries(change)) counts[key as keyof typeof counts] += delta
    publish(max)
  }
  client.on('connectionCreated', () => update({ open: 1 }))
  client.on('connectionClosed', () => update({ open: -1 }))
  client.on('connectionCheckOutStarted', () => update({ waiting: 1 }))
  client.on('connectionCheckOutFailed', () => update({ waiting: -1 }))
  client.on('connectionCheckedOut', () => update({ waiting: -1, inUse: 1 }))
  client.on('connectionCheckedIn', () => update({ inUse: -1 }))
  client.on('commandStarted', (event) => commands.inc({ command: event.commandName }))
  publish(max)
}
