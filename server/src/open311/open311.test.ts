import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { expectValid } from '../../test/open311Schemas'
import { manualClock, testApp } from '../../test/testApp'

const errorList = (body: unknown) => {
  expect(Array.isArray(body)).toBe(true)
  for (const error of body as Array<{ code: unknown; description: unknown }>) {
    expect(typeof error.code).toBe('number')
    expect(typeof error.description).toBe('string')
  }
  return body as Array<{ code: number; description: string }>
}
const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'error'].includes(name) })
const apiKey = 'fixmystreet-0123456789abcdef'

async function world() {
  const clock = manualClock(new Date('2026-03-10T10:00:00+08:00'))
  const app = testApp({
    clock,
    env: { OPEN311_API_KEYS: `fixmystreet:${apiKey}`, OPEN311_JURISDICTION: 'heping.gov.cn' },
  })
  return { ...app, world: await caseWorld(app.request) }
}

describe('Open311 GeoReport v2', () => {
  it('lists services (categories) in JSON and XML and answers service definitions, valid against the official schemas', async () => {
    const { request } = await world()
    const services = await request.get('/open311/v2/services.json?jurisdiction_id=heping.gov.cn')
    expect(services.status).toBe(200)
    expectValid('services.json', services.body)
    expect(services.body).toContainEqual(
      expect.objectContaining({
        service_code: 'culture.library',
        service_name: '农家书屋',
        metadata: false,
        type: 'realtime',
      }),
    )
    const asXml = await request.get('/open311/v2/services.xml')
    expect(asXml.headers['content-type']).toContain('text/xml')
    const parsed = xml.parse(asXml.text) as { services: { service: Array<{ service_code: string }> } }
    expect(parsed.services.service.map((service) => service.service_code)).toEqual(
      services.body.map((service: { service_code: string }) => service.service_code),
    )
    const definition = await request.get('/open311/v2/services/culture.library.json')
    expectValid('service-definition.json', definition.body)
    const unknown = await request.get('/open311/v2/services/nope.json')
    expect(unknown.status).toBe(404)
    errorList(unknown.body)
    const wrongPlace = await request.get('/open311/v2/services.json?jurisdiction_id=elsewhere')
    expect(wrongPlace.status).toBe(404)
  })

  it('takes a form-encoded report with api_key, routes it, and serves it back with the unit and public replies', async () => {
    const { request, world: city } = await world()
    const form = {
      api_key: apiKey,
      jurisdiction_id: 'heping.gov.cn',
      service_code: 'culture.library',
      lat: '39.25',
      long: '116.25',
      address_string: '幸福村3组12号书屋',
      description: '农家书屋已经两个月没有开门，村民希望恢复开放。',
      phone: '13712345678',
      first_name: '三',
      last_name: '张',
      device_id: 'device-1',
    }
    const missingKey = await request
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ ...form, api_key: '' })
    expect(missingKey.status).toBe(403)
    expect(errorList(missingKey.body)[0]!.code).toBe(403)
    const badKey = await request
      .post('/open311/v2/requests.xml')
      .type('form')
      .send({ ...form, api_key: 'wrong' })
    expect(badKey.status).toBe(403)
    expect(
      (xml.parse(badKey.text) as { errors: { error: Array<{ code: number }> } }).errors.error[0]!.code,
    ).toBe(403)
    const noPlace = await request
      .post('/open311/v2/requests.json')
      .type('form')
      .send({ ...form, lat: '', long: '', address_string: '' })
    expect(noPlace.status).toBe(400)
    expect(
      (
        await request
          .post('/open311/v2/requests.json')
          .type('form')
          .send({ ...form, service_code: 'nope' })
      ).status,
    ).toBe(404)

    const created = await request.post('/open311/v2/requests.json').type('form').send(form)
    expect(created.status).toBe(201)
    const [receipt] = created.body as Array<{ service_request_id: string }>
    expect(receipt!.service_request_id).toMatch(/^MQ\d{8}-\d{4}$/)
    const retried = await request.post('/open311/v2/requests.json').type('form').send(form)
    expect(retried.body[0].service_request_id).toBe(receipt!.service_request_id) // same device, same report

    const one = await request.get(`/open311/v2/requests/${receipt!.service_request_id}.json`)
    expectValid('requests.json', one.body)
    expect(one.body[0]).toMatchObject({
      status: 'open',
      service_code: 'culture.library',
      service_name: '农家书屋',
      agency_responsible: '文旅局',
      lat: 39.25,
      long: 116.25,
      description: null, // no publication consent through Open311
    })
    expect(JSON.stringify(one.body)).not.toContain('13712345678')
    expect(JSON.stringify(one.body)).not.toContain('12号')

    // The unit signs for it and resolves it with a public reply: closed, with the reply as status_notes.
    const caseId = (await request.get('/api/v1/cases?scope=inbox').set(city.cultureHandler.auth)).body
      .items[0].id
    const act = (body: object) =>
      request.post(`/api/v1/cases/${caseId}/transitions`).set(city.cultureHandler.auth).send(body)
    expect((await act({ action: 'accept' })).status).toBe(200)
    expect((await act({ action: 'resolve', message: '书屋已恢复每周二、四、六开放' })).status).toBe(200)
    const closed = await request.get(`/open311/v2/requests/${receipt!.service_request_id}.xml`)
    const parsed = xml.parse(closed.text) as { service_requests: { request: Array<Record<string, unknown>> } }
    expect(parsed.service_requests.request[0]).toMatchObject({
      status: 'closed',
      status_notes: '书屋已恢复每周二、四、六开放',
    })

    // A resident's case that consented to publication shows its description; filters as the spec says.
    await request
      .post('/api/v1/cases')
      .set(city.resident.auth)
      .send(caseBody({ publicConsent: true }))
    const all = await request.get('/open311/v2/requests.json')
    expectValid('requests.json', all.body)
    expect(all.body).toHaveLength(2)
    expect(
      all.body.find((item: { description: string | null }) =>
        item.description?.includes('农家书屋已经两个月'),
      ),
    ).toBeDefined()
    const open = await request.get('/open311/v2/requests.json?status=open')
    expect(open.body.map((item: { status: string }) => item.status)).toEqual(['open'])
    const byId = await request.get(
      `/open311/v2/requests.json?service_request_id=${receipt!.service_request_id}&status=open`,
    )
    expect(byId.body.map((item: { service_request_id: string }) => item.service_request_id)).toEqual([
      receipt!.service_request_id,
    ])
    const future = await request.get('/open311/v2/requests.json?start_date=2027-01-01T00:00:00Z')
    expect(future.body).toEqual([])
    expect((await request.get('/open311/v2/requests.json?start_date=yesterday')).status).toBe(400)
    expect((await request.get('/open311/v2/requests.json?status=maybe')).status).toBe(400)
    expect((await request.get('/open311/v2/requests/MQ00000000-0000.json')).status).toBe(404)
  })

  it('keeps to the points a specification checker found: discovery, attributes, charset, id or token, groups, 90-day span', async () => {
    const { request } = await world()
    // Service discovery, required by GeoReport v2, in both formats, at .../discovery.
    for (const base of ['/open311', '/open311/v2']) {
      const discovery = await request.get(`${base}/discovery.json`)
      expect(discovery.status).toBe(200)
      expect(discovery.body).toMatchObject({
        changeset: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/),
        contact: expect.any(String),
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: expect.stringMatching(/\/open311\/v2$/),
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      })
      const asXml = await request.get(`${base}/discovery.xml`)
      expect(asXml.headers['content-type']).toBe('text/xml; charset=utf-8')
      const parsed = new XMLParser({ isArray: (name) => ['endpoint', 'format'].includes(name) }).parse(
        asXml.text,
      ) as { discovery: { endpoints: { endpoint: Array<{ formats: { format: string[] } }> } } }
      expect(parsed.discovery.endpoints.endpoint[0]!.formats.format).toEqual(['text/xml', 'application/json'])
    }

    // Every XML answer is text/xml with a charset, errors included.
    const servicesXml = await request.get('/open311/v2/services.xml')
    expect(servicesXml.headers['content-type']).toBe('text/xml; charset=utf-8')
    expect((await request.get('/open311/v2/services/nope.xml')).headers['content-type']).toBe(
      'text/xml; charset=utf-8',
    )

    // The XML service definition carries its <attributes> element even when there are none.
    const definition = await request.get('/open311/v2/services/culture.library.xml')
    expect(definition.text).toMatch(/<service_definition>[\s\S]*<attributes\s*\/?>/)
    expect(definition.text).toContain('<service_code>culture.library</service_code>')

    // Group categories are groups, not services: not listed, no definition, no POST.
    const services = (await request.get('/open311/v2/services.json')).body as Array<{
      service_code: string
      group: string
    }>
    expect(services.map((service) => service.service_code)).not.toContain('culture')
    expect(services.find((service) => service.service_code === 'culture.library')!.group).toBe('文化服务')
    expect((await request.get('/open311/v2/services/culture.json')).status).toBe(404)
    const toGroup = await request.post('/open311/v2/requests.json').type('form').send({
      api_key: apiKey,
      service_code: 'culture',
      lat: '39.25',
      long: '116.25',
      description: '文化站门口的路灯坏了好几天。',
    })
    expect(toGroup.status).toBe(400)
    expect(errorList(toGroup.body)[0]!.description).toContain('group')

    // A created request answers with service_request_id or token, never both.
    const created = await request.post('/open311/v2/requests.json').type('form').send({
      api_key: apiKey,
      service_code: 'culture.library',
      lat: '39.25',
      long: '116.25',
      description: '书屋的书很久没有更新了。',
      device_id: 'device-2',
    })
    expect(created.status).toBe(201)
    const [receipt] = created.body as Array<Record<string, unknown>>
    expect(receipt!.service_request_id).toMatch(/^MQ\d{8}-\d{4}$/)
    expect(receipt).not.toHaveProperty('token')
    const createdXml = await request.post('/open311/v2/requests.xml').type('form').send({
      api_key: apiKey,
      service_code: 'culture.library',
      lat: '39.25',
      long: '116.25',
      description: '书屋的书很久没有更新了。',
      device_id: 'device-2',
    })
    expect(createdXml.text).not.toContain('<token>')

    // A date range longer than 90 days is refused, as the specification's default limit says.
    const tooLong = await request.get(
      '/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2026-03-01T00:00:00Z',
    )
    expect(tooLong.status).toBe(400)
    expect(errorList(tooLong.body)[0]!.description).toContain('90 days')
    const exactly90 = await request.get(
      '/open311/v2/requests.json?start_date=2025-12-01T00:00:00Z&end_date=2026-03-01T00:00:00Z',
    )
    expect(exactly90.status).toBe(200)
    // One end given: the 90 days from (or up to) it.
    expect((await request.get('/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z')).body).toEqual([])
  })
})
