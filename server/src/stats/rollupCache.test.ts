import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { RollupModel } from './rollup.model'

describe('dashboard rollups in memory', () => {
  it("counts this instance's events at once and another instance's after the next reload", async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock, env: { STATS_CACHE_MS: '0' } })
    const world = await caseWorld(request)
    const received = async () =>
      (
        await request.get('/api/v1/stats/rates?from=2026-03-01&to=2026-03-31').set(world.admin.auth)
      ).body.rows.find((row: { key: string }) => row.key === world.culture.id)?.counts.received ?? 0
    await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    expect(await received()).toBe(1)
    await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    expect(await received()).toBe(2) // added to the cache as it was committed
    // Another instance's write lands in the database only.
    await RollupModel.updateOne(
      { _id: `2026-03-02|${world.culture.id}|culture.library` },
      { $inc: { received: 5 } },
    )
    await expect.poll(received, { timeout: 5_000, interval: 100 }).toBe(7)
  })
})
