import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { testApp } from '../../test/testApp'
import { CaseModel } from './case.model'

describe('the coordinate system of a case location', () => {
  it('stores the datum the client names, and GCJ-02 when it names none (older clients)', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const named = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ location: { lat: 39.91, lng: 116.4, coordSystem: 'wgs84' } }))
    expect(named.status).toBe(201)
    const unnamed = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ location: { lat: 39.91, lng: 116.4 } }))
    expect(unnamed.status).toBe(201)
    expect((await CaseModel.findById(named.body.id).lean())?.location?.coordSystem).toBe('wgs84')
    expect((await CaseModel.findById(unnamed.body.id).lean())?.location?.coordSystem).toBe('gcj02')
  })

  it('refuses a datum it does not know, with a field error', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const answer = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ location: { lat: 39.91, lng: 116.4, coordSystem: 'bd09' } }))
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('VALIDATION_FAILED')
    expect(answer.body.error.issues[0].path).toBe('location.coordSystem')
  })
})
