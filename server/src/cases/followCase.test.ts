import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { testApp } from '../../test/testApp'
import { CaseModel } from './case.model'
import { CaseEventModel } from './caseEvent.model'

describe('follow ("me too") is a change like any other', () => {
  it('is an event in the case log, kept out of public timelines, and following again (even at once) adds nothing', async () => {
    const { request } = testApp()
    const city = await caseWorld(request)
    const filed = await request
      .post('/api/v1/cases')
      .set(city.resident.auth)
      .send(caseBody({ publicConsent: true }))
    const id = filed.body.id as string
    const before = await CaseEventModel.countDocuments({ caseId: id })

    const [first, second] = await Promise.all([
      request.post(`/api/v1/cases/${id}/follow`).set(city.otherResident.auth),
      request.post(`/api/v1/cases/${id}/follow`).set(city.otherResident.auth),
    ])
    expect([first.status, second.status]).toEqual([200, 200])
    expect((await request.post(`/api/v1/cases/${id}/follow`).set(city.otherResident.auth)).status).toBe(200)

    const events = await CaseEventModel.find({ caseId: id, action: 'follow' }).lean()
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ public: false, actor: { role: 'resident' } })
    expect(await CaseEventModel.countDocuments({ caseId: id })).toBe(before + 1)
    const stored = await CaseModel.findById(id).lean()
    expect(stored!.followers.map(String)).toEqual([city.otherResident.user.id])
    expect(stored!.eventSeq).toBe(before + 1)

    // The case's own resident does not see who follows it.
    const timeline = (await request.get(`/api/v1/cases/${id}`).set(city.resident.auth)).body
      .timeline as Array<{
      action: string
    }>
    expect(timeline.map((event) => event.action)).not.toContain('follow')
  })
})
