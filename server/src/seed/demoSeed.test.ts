import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'
import { CampaignModel } from '../campaigns/campaign.model'
import { CaseModel } from '../cases/case.model'
import { VisitModel } from '../visits/visit.model'
import { demoAccounts, seedDemo } from './demoSeed'

describe('demo seed', () => {
  it('seeds once: accounts, cases, a running campaign with visits the staff member sees as progress', async () => {
    const { deps, request } = testApp({ clock: { now: () => new Date() } })
    const logins = await seedDemo(deps)
    expect(logins?.map((login) => login.role)).toEqual(['admin', 'leader', 'handler', 'staff', 'resident'])
    expect(await seedDemo(deps)).toBeNull()
    expect(await CaseModel.countDocuments()).toBeGreaterThan(0)
    // One sample case is past its sign-for deadline, so the board and the dashboards show an overdue case.
    expect(await CaseModel.countDocuments({ 'deadlines.dueAt': { $lt: new Date() } })).toBe(1)
    expect(await VisitModel.countDocuments()).toBe(2)
    const campaign = (await CampaignModel.findOne())!
    const login = await request
      .post('/api/v1/auth/login')
      .send({ phone: demoAccounts.staff, password: deps.config.DEMO_PASSWORD })
    const progress = await request
      .get(`/api/v1/campaigns/${String(campaign._id)}/progress`)
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
    expect(progress.body.rows[0]).toMatchObject({
      households: { done: 2, quota: 15 },
      researchDays: { done: 2 },
    })
  })
})
