import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { EchoTextModel } from './echoText.model'

async function wallWorld() {
  const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
  const app = testApp({ clock })
  const city = await caseWorld(app.request)
  const file = async (description: string, reply: string) => {
    const submitted = await app.request
      .post('/api/v1/cases')
      .set(city.resident.auth)
      .send(caseBody({ publicConsent: true, description }))
    const act = (body: object) =>
      app.request
        .post(`/api/v1/cases/${submitted.body.id}/transitions`)
        .set(city.cultureHandler.auth)
        .send(body)
    await act({ action: 'accept' })
    await act({ action: 'resolve', message: reply })
    return submitted.body.id as string
  }
  return { ...app, city, file }
}

const guestAuth = async (request: ReturnType<typeof testApp>['request']) => {
  const login = await request.post('/api/v1/auth/guest').send({ deviceId: `dev_${randomUUID()}` })
  expect(login.body.user.isGuest).toBe(true)
  return { Authorization: `Bearer ${login.body.accessToken as string}` }
}

describe('echo wall search and reports', () => {
  it('searches only the stripped text it shows: a masked phone cannot be recovered digit by digit', async () => {
    const { request, file } = await wallWorld()
    const id = await file(
      '我是张三，电话137 1234 5678，住5栋2单元301，书屋两个月没开门',
      '已联系13712345678，书屋恢复开放',
    )
    const search = async (q: string) =>
      (await request.get('/api/v1/echo-wall').query({ q })).body.items.map((item: { id: string }) => item.id)
    for (const probe of ['1371', '137 1234', '13712345678', '5678', '张三', '5栋', '301'])
      expect(await search(probe), probe).toEqual([])
    expect(await search('书屋两个月')).toEqual([id])
    expect(await search('恢复开放')).toEqual([id]) // the reply is shown, so it is searched
    const [item] = (await request.get('/api/v1/echo-wall')).body.items
    expect(item.description).toBe('我是[姓名]，电话[手机号]，住[地址]，书屋两个月没开门')
    expect(item.reply).toBe('已联系[手机号]，书屋恢复开放')
  }, 90_000)

  it('computes the stripped copy for items that have none (existing data) and refreshes it when the case changes', async () => {
    const { request, file } = await wallWorld()
    const id = await file('路灯坏了，我家电话13912345678', '已维修')
    await request.get('/api/v1/echo-wall')
    const stored = await EchoTextModel.findById(id).lean()
    expect(stored?.search).toContain('[手机号]')
    expect(stored?.search).not.toContain('13912345678')
    await EchoTextModel.deleteMany({}) // as before this copy existed
    expect((await request.get('/api/v1/echo-wall').query({ q: '路灯坏了' })).body.items).toHaveLength(1)
    expect(await EchoTextModel.countDocuments({ _id: id })).toBe(1)
    // A later change to the case (a new event) recomputes the copy.
    await CaseModel.updateOne(
      { _id: id },
      { $set: { description: '路灯又坏了，电话13812345678' }, $inc: { eventSeq: 1 } },
    )
    const changed = await request.get('/api/v1/echo-wall').query({ q: '又坏了' })
    expect(changed.body.items.map((item: { description: string }) => item.description)).toEqual([
      '路灯又坏了，电话[手机号]',
    ])
  }, 90_000)

  it('takes reports only from verified residents: a guest gets 403 VERIFIED_RESIDENT_REQUIRED and counts for nothing', async () => {
    const { request, file, city } = await wallWorld()
    const id = await file('书屋两个月没开门', '书屋恢复开放')
    const report = (auth: Record<string, string>) =>
      request.post(`/api/v1/echo-wall/${id}/reports`).set(auth).send({ reason: 'offensive' })
    for (let i = 0; i < 3; i += 1) {
      const answer = await report(await guestAuth(request))
      expect(answer.status).toBe(403)
      expect(answer.body.error).toMatchObject({ code: 'VERIFIED_RESIDENT_REQUIRED' })
      expect(answer.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(answer.body.error.messageEn).toEqual(expect.any(String))
    }
    expect(
      (await request.get('/api/v1/echo-wall')).body.items.map((item: { id: string }) => item.id),
    ).toContain(id)
    expect((await report(city.resident.auth)).body).toEqual({ reports: 1, hidden: false })
  }, 90_000)
})
