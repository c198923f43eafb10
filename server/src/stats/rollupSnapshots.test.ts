import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { applyRollup } from './applyRollup'
import { RollupModel } from './rollup.model'
import {
  countsOf,
  forgetRollupCache,
  invalidateRollupCache,
  rollupSnapshotWritten,
  sumRollups,
} from './rollupCache'
import { chinaToday, RollupSnapshotModel } from './rollupSnapshots'

const dayMs = 86_400_000
const dayBefore = (days: number) =>
  new Date(Date.parse(`${chinaToday()}T00:00:00Z`) - days * dayMs).toISOString().slice(0, 10)

/** The commands a call sends, as "command collection {filter}". */
async function commandsOf(call: () => Promise<unknown>): Promise<string[]> {
  const commands: string[] = []
  const client = mongoose.connection.getClient()
  const onCommand = (event: { commandName: string; command: Record<string, unknown> }) =>
    commands.push(
      `${event.commandName} ${String(event.command[event.commandName])} ${JSON.stringify(event.command.filter ?? null)}`,
    )
  client.on('commandStarted', onCommand)
  try {
    await call()
  } finally {
    client.off('commandStarted', onCommand)
  }
  return commands
}

const received = async (from: string, to: string) =>
  countsOf((await sumRollups(3_600_000, from, to, () => 'all')).get('all') ?? new Float64Array(64)).received

describe('dashboard rollups persisted per month (issue 18)', { timeout: 120_000 }, () => {
  it('a restarted instance reads the month snapshot and only the days since, and a write to an old day is not lost', async () => {
    // Forty days of rows up to today, as the live system leaves them.
    const rows = []
    for (let back = 40; back >= 0; back--)
      for (const unitId of ['u1', 'u2', 'u3'])
        rows.push({
          _id: `${dayBefore(back)}|${unitId}|culture.library`,
          day: dayBefore(back),
          unitId,
          categoryCode: 'culture.library',
          received: 2,
          accepted: 1,
        })
    await RollupModel.insertMany(rows)
    const [from, to] = [dayBefore(60), dayBefore(0)]

    // The first load reads every row, then persists the stable days.
    invalidateRollupCache()
    expect(await received(from, to)).toBe(41 * 3 * 2)
    expect(await rollupSnapshotWritten()).toBe(39 * 3) // through two days before today
    expect((await RollupSnapshotModel.findById('meta').lean())?.throughDay).toBe(dayBefore(2))

    // A restart: the snapshot, then one equality lookup per day since (never every row).
    forgetRollupCache()
    const restart = await commandsOf(() => received(from, to))
    const rollupReads = restart.filter((command) => command.startsWith('find case_rollups '))
    expect(rollupReads.length).toBeGreaterThan(0)
    expect(
      rollupReads.every((command) => command.includes('"day"')),
      rollupReads.join('\n'),
    ).toBe(true)
    expect(restart.filter((command) => command.startsWith('find ')).length).toBeLessThanOrEqual(1 + 5)
    expect(await received(from, to)).toBe(41 * 3 * 2)
    expect(await received(dayBefore(10), dayBefore(10))).toBe(3 * 2)

    // An event dated ten days ago (an import, a slow clock) moves a row inside the snapshot: the
    // snapshot is marked invalid, and the next restart reads every row again.
    await applyRollup({
      action: 'dispatch',
      at: new Date(`${dayBefore(10)}T04:00:00Z`),
      to: 'dispatched',
      data: { facts: { unitId: null, newUnitId: 'u1', categoryCode: 'culture.library', acceptBy: null } },
    } as never)
    forgetRollupCache()
    const afterOldWrite = await commandsOf(() => received(from, to))
    expect(afterOldWrite.some((command) => command.startsWith('find case_rollups {}'))).toBe(true)
    expect(await received(dayBefore(10), dayBefore(10))).toBe(3 * 2 + 1)
    await rollupSnapshotWritten()
    forgetRollupCache()
    expect(await received(dayBefore(10), dayBefore(10))).toBe(3 * 2 + 1)
  })
})
