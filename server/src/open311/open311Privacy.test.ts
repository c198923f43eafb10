import { XMLParser, XMLValidator } from 'fast-xml-parser'
import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'

const personal = ['13712345678', '13912345678', '110101199003074514', '4514', '12号', '301', '62345678']

async function world(env: Record<string, string> = {}) {
  const clock = manualClock(new Date('2026-03-10T10:00:00+08:00'))
  const app = testApp({ clock, env })
  const city = await caseWorld(app.request)
  /** A resident's case resolved with a public reply that repeats the resident's phone. */
  const file = async (overrides: Record<string, unknown>, reply: string) => {
    const submitted = await app.request
      .post('/api/v1/cases')
      .set(city.resident.auth)
      .send(caseBody(overrides))
    expect(submitted.status).toBe(201)
    const act = (body: object) =>
      app.request
        .post(`/api/v1/cases/${submitted.body.id}/transitions`)
        .set(city.cultureHandler.auth)
        .send(body)
    expect((await act({ action: 'accept' })).status).toBe(200)
    expect((await act({ action: 'resolve', message: reply })).status).toBe(200)
    return submitted.body.id as string
  }
  return { ...app, city, file }
}

describe('Open311 requests publish no personal data', () => {
  it('strips phones, ID numbers and door numbers from descriptions, status_notes and addresses, for consenting and anonymous cases alike', async () => {
    const { request, file } = await world()
    await file(
      {
        publicConsent: true,
        description:
          '我是张三，电话137 1234 5678，身份证110101199003074514，住幸福村3组12号，书屋两个月没开门',
        location: { lat: 39.2512345, lng: 116.2512345, address: '幸福小区5栋2单元301' },
      },
      '已联系13712345678，书屋恢复开放',
    )
    await file(
      { publicConsent: false, anonymous: true, description: '匿名反映：书屋不开门，我的电话13912345678' },
      '已电话回复居民13912345678，座机010-62345678',
    )
    const all = await request.get('/open311/v2/requests.json')
    expect(all.status).toBe(200)
    expect(all.body).toHaveLength(2)
    const text = JSON.stringify(all.body)
    for (const piece of personal) expect(text).not.toContain(piece)
    expect(text).not.toContain('张三')
    const consenting = all.body.find((item: { description: string | null }) => item.description)
    expect(consenting.description).toContain('[手机号]')
    expect(consenting.description).toContain('书屋两个月没开门')
    expect(consenting.status_notes).toBe('已联系[手机号]，书屋恢复开放')
    expect(consenting.lat).toBe(39.251)
    expect(all.body.map((item: { status_notes: string }) => item.status_notes)).toContain(
      '已电话回复居民[手机号]，座机[电话]',
    )
    const asXml = await request.get('/open311/v2/requests.xml')
    for (const piece of personal) expect(asXml.text).not.toContain(piece)
  })

  it('keeps the XML well-formed when a case field holds control characters', async () => {
    const { request, file } = await world()
    const id = await file({ publicConsent: true }, '已处理')
    await CaseModel.updateOne(
      { _id: id },
      {
        $set: {
          // No NUL here: PostgreSQL's jsonb cannot store it, and the API drops it from input.
          description: 'bell\u0007 form\u000c feed\u001b esc\u007f del',
          location: { lat: 39.25, lng: 116.25, address: '幸福村\u0001' },
        },
      },
    )
    const { number } = (await CaseModel.findById(id))!
    const asXml = await request.get(`/open311/v2/requests.xml?service_request_id=${number}`)
    expect(asXml.status).toBe(200)
    expect(XMLValidator.validate(asXml.text)).toBe(true)
    // Characters XML 1.0 does not allow anywhere in a document.
    // eslint-disable-next-line no-control-regex
    expect(asXml.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
    const parsed = new XMLParser({ isArray: (name) => name === 'request' }).parse(asXml.text) as {
      service_requests: { request: Array<{ description: string }> }
    }
    // DEL is allowed in XML 1.0; the forbidden C0 characters are gone.
    expect(parsed.service_requests.request[0]!.description).toBe('bell form feed esc\u007f del')
  })

  it('builds media_url from PUBLIC_BASE_URL, never from the request, and leaves it out without one', async () => {
    const photo = new mongoose.Types.ObjectId()
    const withPhoto = async (env: Record<string, string>) => {
      const { request, file } = await world(env)
      const id = await file({ publicConsent: true }, '已处理')
      await CaseModel.updateOne({ _id: id }, { $set: { photos: [photo] } })
      const { number } = (await CaseModel.findById(id))!
      const answer = await request
        .get(`/open311/v2/requests/${number}.json`)
        .set('Origin', 'https://evil.example')
        .set('Host', 'evil.example')
        .set('X-Forwarded-Host', 'evil.example')
      return answer.body[0].media_url as string | null
    }
    expect(await withPhoto({})).toBeNull()
    const url = await withPhoto({ PUBLIC_BASE_URL: 'https://minqing.example.gov.cn' })
    expect(url).toMatch(new RegExp(`^https://minqing\\.example\\.gov\\.cn/.*${photo}`))
    expect(url).not.toContain('evil')
  }, 90_000)
})
