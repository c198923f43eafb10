import { defaultTimeLimits } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from './case.model'
import { closeUnratedCases } from './closeUnrated'

describe('closing unrated cases', () => {
  it('closes a resolved case as "no rating" once the window has passed, once, even when two runs race', async () => {
    const clock = manualClock()
    const { request, deps } = testApp({ clock })
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const url = `/api/v1/cases/${created.id}/transitions`
    await request.post(url).set(world.cultureHandler.auth).send({ action: 'accept' })
    await request.post(url).set(world.cultureHandler.auth).send({ action: 'resolve', message: '已办结' })

    clock.advance((defaultTimeLimits.ratingWindowDays * 24 - 1) * 3_600_000)
    expect(await closeUnratedCases(deps)).toBe(0)

    clock.advance(2 * 3_600_000)
    const [a, b] = await Promise.all([closeUnratedCases(deps), closeUnratedCases(deps)])
    expect(a + b).toBe(1)
    const record = await CaseModel.findById(created.id)
    expect(record).toMatchObject({ status: 'closed', closedReason: 'noRating' })
    expect(record!.rating).toBeNull()
  })
})
