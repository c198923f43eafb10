import { afterEach, describe, expect, it, vi } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { testApp } from '../../test/testApp'
import { RollupModel } from './rollup.model'
import { repairRollups, RollupRepairModel } from './rollupRepair'

const acceptedCount = async () =>
  (await RollupModel.find({}).lean()).reduce(
    (sum, row) => sum + ((row as unknown as { accepted?: number }).accepted ?? 0),
    0,
  )

afterEach(() => vi.restoreAllMocks())

describe('rollup failures', () => {
  it('a failed rollup write keeps the change, is recorded and logged, and the repair job recounts from the events', async () => {
    const { request, deps, logLines } = testApp()
    const city = await caseWorld(request)
    await RollupModel.deleteMany({})
    await RollupRepairModel.deleteMany({})
    const filed = await request.post('/api/v1/cases').set(city.resident.auth).send(caseBody())
    expect(filed.body.status).toBe('dispatched')

    // The database refuses the rollup write once (a fault injected into that one call only).
    const updateOne = RollupModel.updateOne.bind(RollupModel)
    vi.spyOn(RollupModel, 'updateOne').mockImplementationOnce(() => {
      throw new Error('connection reset while writing the rollup')
    })
    const accepted = await request
      .post(`/api/v1/cases/${filed.body.id}/transitions`)
      .set(city.cultureHandler.auth)
      .send({ action: 'accept' })
    expect(accepted.status).toBe(200) // the change itself stands
    vi.mocked(RollupModel.updateOne).mockImplementation(updateOne)
    expect(await acceptedCount()).toBe(0) // the dashboard has drifted from the event log…
    expect(await RollupRepairModel.findById('rollups').lean()).toMatchObject({ failures: 1 })

    // …until the repair job runs: it logs the failure and recounts from the events.
    expect(await repairRollups(deps)).toMatchObject({ repaired: true })
    expect(await acceptedCount()).toBe(1)
    expect(logLines.join('\n')).toContain('connection reset while writing the rollup')
    expect(await RollupRepairModel.findById('rollups').lean()).toBeNull()
    // Nothing failed since: the next run has nothing to do.
    expect(await repairRollups(deps)).toEqual({ repaired: false })
  })
})
