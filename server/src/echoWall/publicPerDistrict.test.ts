import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { authorizationOf, buildSecondDistrict } from '../../test/secondDistrict'
import { buildUser } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'

import { defaultTenantCode, defaultTenantId, ensureDefaultTenant } from '../tenants/defaultTenant'

import { SuggestionModel } from '../topics/topic.model'
import { UserModel } from '../users/user.model'

type Auth = Record<string, string>

/**
 * Public pages per district: `?tenant=<code>` answers that district's items only, a resident
 * whose account names a district sees theirs by default, and without either the city portal
 * shows every district's.
 */
describe('public pages per district (echo wall, consultations, knowledge)', { timeout: 240_000 }, () => {
  it('answers one district for ?tenant=, the resident’s own by default, every district without; 404 for an unknown code', async () => {
    const clock = manualClock(new Date('2026-03-10T10:00:00+08:00'))
    const { request } = testApp({ clock })
    const world = await caseWorld(request)
    await ensureDefaultTenant('和平区')
    const { hedong, culture: bCulture } = await buildSecondDistrict()
    const login = (props: Parameters<typeof buildUser>[0]): Promise<Auth> => authorizationOf(request, props)
    const aAdmin = await login({ role: 'admin', tenantId: String(defaultTenantId) })
    const bAdmin = await login({ role: 'admin', tenantId: hedong.id })
    const bHandler = await login({ role: 'handler', unitId: bCulture.id })

    // One resolved, consenting case on each district's echo wall.
    const resolved = async (tenant: string | undefined, handler: Auth, title: string) => {
      const { body } = await request
        .post('/api/v1/cases')
        .set(world.resident.auth)
        .send(caseBody({ publicConsent: true, title, ...(tenant ? { tenant } : {}) }))
      for (const step of [{ action: 'accept' }, { action: 'resolve', message: '书屋已恢复开放' }])
        expect(
          (await request.post(`/api/v1/cases/${body.id}/transitions`).set(handler).send(step)).status,
        ).toBe(200)
      return body.id as string
    }
    const aCase = await resolved(undefined, world.cultureHandler.auth, '和平区书屋不开门')
    const bCase = await resolved(hedong.code, bHandler, '河东区书屋不开门')

    // Each district's admin opens its own consultation and knowledge entry.
    const topic = async (auth: Auth, title: string) => {
      const answer = await request.post('/api/v1/topics').set(auth).send({
        kind: 'needs',
        title,
        question: '您希望书屋在哪些时间开放？',
        opensOn: '2026-03-01',
        closesOn: '2026-03-31',
      })
      expect(answer.status, answer.text).toBe(201)
      return answer.body.id as string
    }
    const aTopic = await topic(aAdmin, '和平区书屋开放时间')
    const bTopic = await topic(bAdmin, '河东区书屋开放时间')
    const entry = async (auth: Auth, question: string) => {
      const answer = await request
        .post('/api/v1/knowledge')
        .set(auth)
        .send({ question, answer: '每天九点开门', keywords: ['书屋'], published: true })
      expect(answer.status).toBe(201)
      return answer.body.id as string
    }
    const aEntry = await entry(aAdmin, '和平区书屋几点开门')
    const bEntry = await entry(bAdmin, '河东区书屋几点开门')

    const ids = async (path: string, auth: Auth = {}) => {
      const answer = await request.get(`/api/v1${path}`).set(auth)
      expect(answer.status, `${path}: ${answer.text}`).toBe(200)
      return (answer.body.items as Array<{ id?: string; entry?: { id: string } }>)
        .map((item) => item.id ?? item.entry!.id)
        .sort()
    }
    const sorted = (...values: string[]) => [...values].sort()
    const q = `q=${encodeURIComponent('书屋')}`
    for (const [tenant, mine] of [
      [hedong.code, { wall: [bCase], topics: [bTopic], knowledge: [bEntry] }],
      [defaultTenantCode, { wall: [aCase], topics: [aTopic], knowledge: [aEntry] }],
    ] as const) {
      expect(await ids(`/echo-wall?tenant=${tenant}`)).toEqual(mine.wall)
      expect(await ids(`/topics?tenant=${tenant}`)).toEqual(mine.topics)
      expect(await ids(`/public/knowledge/search?${q}&tenant=${tenant}`)).toEqual(mine.knowledge)
    }
    // Without a district: the city portal, every district's items.
    expect(await ids('/echo-wall')).toEqual(sorted(aCase, bCase))
    expect(await ids('/topics')).toEqual(sorted(aTopic, bTopic))
    expect(await ids(`/public/knowledge/search?${q}`)).toEqual(sorted(aEntry, bEntry))
    // Another district's entry is not read through this district's page.
    expect((await request.get(`/api/v1/public/knowledge/${aEntry}?tenant=${hedong.code}`)).status).toBe(404)
    expect((await request.get(`/api/v1/public/knowledge/${bEntry}?tenant=${hedong.code}`)).status).toBe(200)

    // A resident whose account names 河东区 sees 河东区 by default; a link's code still decides.
    await UserModel.updateOne({ _id: world.resident.user._id }, { $set: { tenantId: hedong._id } })
    const resident = world.resident.auth
    expect(await ids('/echo-wall', resident)).toEqual([bCase])
    expect(await ids('/topics', resident)).toEqual([bTopic])
    expect(await ids(`/public/knowledge/search?${q}`, resident)).toEqual([bEntry])
    expect(await ids(`/echo-wall?tenant=${defaultTenantCode}`, resident)).toEqual([aCase])

    for (const path of [
      '/echo-wall?tenant=nowhere',
      '/topics?tenant=nowhere',
      `/public/knowledge/search?${q}&tenant=nowhere`,
    ]) {
      const unknown = await request.get(`/api/v1${path}`)
      expect(unknown.status, path).toBe(404)
      expect(unknown.body.error.code).toBe('NOT_FOUND')
      expect(unknown.body.error.issues[0]).toMatchObject({ path: 'tenant' })
      expect(unknown.body.error.issues[0].message).toMatch(/区县/)
    }
    expect((await request.get('/api/v1/echo-wall?tenant=Bad Code!')).status).toBe(400)

    // Each district's admin moderates and adopts its own consultation's suggestions only.
    const suggestion = await SuggestionModel.create({
      topicId: bTopic,
      authorId: world.otherResident.user._id,
      text: '希望周末也开放书屋',
      reports: 1,
    })
    const queue = async (auth: Auth) =>
      (
        (await request.get('/api/v1/suggestions/moderation').set(auth)).body.items as Array<{ id: string }>
      ).map((item) => item.id)
    expect(await queue(bAdmin)).toEqual([suggestion.id])
    expect(await queue(aAdmin)).toEqual([])
    expect(await queue(world.admin.auth)).toEqual([suggestion.id])
    const decide = (auth: Auth) =>
      request.post(`/api/v1/suggestions/${suggestion.id}/moderation`).set(auth).send({ decision: 'show' })
    expect((await decide(aAdmin)).status).toBe(404)
    expect((await decide(bAdmin)).status).toBe(200)
    const adopt = (auth: Auth) =>
      request
        .post(`/api/v1/suggestions/${suggestion.id}/adopt`)
        .set(auth)
        .send({ categoryCode: 'culture.library', title: '书屋周末开放' })
    expect((await adopt(aAdmin)).status).toBe(404)
    const adopted = await adopt(bAdmin)
    expect(adopted.status, adopted.text).toBe(200)
    // The adopted case is filed in the consultation's district and routed by its rules.
    expect(adopted.body.unitId).toBe(bCulture.id)
    expect(String((await CaseModel.findById(adopted.body.caseId))!.tenantId)).toBe(hedong.id)
  })
})
