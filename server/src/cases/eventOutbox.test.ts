import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { RollupModel } from '../stats/rollup.model'
import { recountRollups } from '../stats/rebuildRollups'
import { projectRollups } from '../stats/rollupProjection'

const received = async () =>
  (await RollupModel.find({}).lean()).reduce(
    (sum, row) => sum + ((row as unknown as { received?: number }).received ?? 0),
    0,
  )

/** A hook that kills the run at the n-th time it reaches `step` (as a crash there would). */
const killAt = (step: string, n = 1) => {
  let seen = 0
  return (reached: string) => {
    if (reached === step && ++seen === n) throw new Error(`killed at ${step}`)
  }
}

describe('background rollups of submissions', () => {
  it('a run killed half-way is resumed by the next: every submission counted once, none lost', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    // No timer: only these explicit runs write the rollups.
    const { request } = testApp({ clock, env: { EVENT_PROJECTION_GATHER_MS: '0' }, autoSettle: false })
    const world = await caseWorld(request)
    const submit = async (body = caseBody()) =>
      expect((await request.post('/api/v1/cases').set(world.resident.auth).send(body)).status).toBe(201)
    // Two rows: three cases for the culture bureau, two (物业) for housing.
    for (let i = 0; i < 3; i++) await submit()
    for (let i = 0; i < 2; i++)
      await submit(
        caseBody({ categoryCode: 'housing', title: '物业不管电梯', description: '物业公司不修电梯。' }),
      )
    expect(await received()).toBe(0) // the submit path itself wrote no rollup

    // Killed after the first of the two rows moved.
    await expect(projectRollups(killAt('row'))).rejects.toThrow('killed at row')
    expect([2, 3]).toContain(await received())
    // The next run (this instance after a restart, or any other once the lease ends) finishes it.
    expect(await projectRollups()).toEqual({ events: 10 })
    expect(await received()).toBe(5)
    expect(await projectRollups()).toEqual({ events: 0 })

    // Killed after every row moved but before the batch was recorded as done: nothing twice.
    await submit()
    await submit()
    await expect(projectRollups(killAt('applied'))).rejects.toThrow('killed at applied')
    expect(await received()).toBe(7)
    await projectRollups()
    expect(await received()).toBe(7)

    // The dashboard agrees, and so does a recount from the event log.
    const rates = await request
      .get('/api/v1/stats/rates?from=2026-03-02&to=2026-03-02&groupBy=unit')
      .set(world.admin.auth)
    const rows = rates.body.rows as Array<{ key: string; counts: { received: number } }>
    expect(rows.find((row) => row.key === world.culture.id)?.counts.received).toBe(5)
    expect(rows.find((row) => row.key === world.housing.id)?.counts.received).toBe(2)
    const recount = [...(await recountRollups()).values()].reduce((sum, row) => sum + row.received, 0)
    expect(recount).toBe(7)
  })
})
