import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'
import { CampaignModel } from '../campaigns/campaign.model'
import { CaseModel } from '../cases/case.model'
import { VisitModel } from '../visits/visit.model'
import { demoAccounts, seedDemo } from './demoSeed'
import { hedongAdminPhone } from './demoTenant'

describe('demo seed', () => {
  it('seeds once: accounts, cases, a running campaign with visits the staff member sees as progress', async () => {
    const { deps, request } = testApp({ clock: { now: () => new Date() } })
    const logins = await seedDemo(deps)
    expect(logins?.map((login) => login.role)).toEqual([
      'admin',
      'leader',
      'handler',
      'staff',
      'resident',
      'admin',
    ])
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

    // Districts as tenants: 河东区's admin sees 河东区 only; the city-level admin sees both.
    const as = async (phone: string) => {
      const session = await request
        .post('/api/v1/auth/login')
        .send({ phone, password: deps.config.DEMO_PASSWORD })
      return { Authorization: `Bearer ${session.body.accessToken}` }
    }
    const hedong = await as(hedongAdminPhone)
    const city = await as(demoAccounts.admin)
    const unitNames = async (auth: Record<string, string>) =>
      ((await request.get('/api/v1/units').set(auth)).body.units as Array<{ name: string }>).map(
        (unit) => unit.name,
      )
    expect(await unitNames(hedong)).toEqual(['河东区', '河东区文化和旅游局'])
    expect(await unitNames(city)).toEqual(expect.arrayContaining(['民安市', '和平区', '河东区']))
    expect((await request.get('/api/v1/cases').set(hedong)).body.items).toEqual([])
    expect((await request.get('/api/v1/cases').set(city)).body.items.length).toBeGreaterThan(0)
    expect((await request.get('/api/v1/campaigns').set(hedong)).body.items).toEqual([])
  })
})
