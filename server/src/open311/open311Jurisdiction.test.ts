import { XMLParser } from 'fast-xml-parser'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { expectValid } from '../../test/open311Schemas'
import { manualClock, testApp } from '../../test/testApp'
import { TenantModel } from '../tenants/tenant.model'

const apiKey = 'fixmystreet-0123456789abcdef'
const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'error'].includes(name) })

describe('Open311 by jurisdiction: jurisdiction_id is the district code', { timeout: 240_000 }, () => {
  it('lists, takes and serves each district’s services and requests; an unknown jurisdiction is 404', async () => {
    const clock = manualClock(new Date('2026-03-10T10:00:00+08:00'))
    const { request } = testApp({
      clock,
      env: { OPEN311_API_KEYS: `fixmystreet:${apiKey}`, OPEN311_JURISDICTION: 'heping.gov.cn' },
    })
    const world = await caseWorld(request)
    const hedong = await TenantModel.create({ code: `hedong-${randomUUID().slice(0, 6)}`, name: '河东区' })
    await buildUnit({ level: 'district', name: `河东区${hedong.code}`, tenantId: hedong.id })
    const bAdmin = {
      Authorization: `Bearer ${(await loginAs(request, await buildUser({ role: 'admin', tenantId: hedong.id }))).accessToken}`,
    }
    const river = await request
      .post('/api/v1/categories')
      .set(bAdmin)
      .send({ code: 'river', name: '河道管理' })
    expect(river.status).toBe(201)
    await request.put('/api/v1/categories/culture.library/visibility').set(bAdmin).send({ hidden: true })

    const codes = async (query: string) => {
      const answer = await request.get(`/open311/v2/services.json${query}`)
      expect(answer.status).toBe(200)
      expectValid('services.json', answer.body)
      return (answer.body as Array<{ service_code: string }>).map((service) => service.service_code)
    }
    const hedongServices = await codes(`?jurisdiction_id=${hedong.code}`)
    expect(hedongServices).toContain(river.body.code)
    expect(hedongServices).not.toContain('culture.library')
    const xmlServices = xml.parse(
      (await request.get(`/open311/v2/services.xml?jurisdiction_id=${hedong.code}`)).text,
    ) as { services: { service: Array<{ service_code: string }> } }
    expect(xmlServices.services.service.map((service) => service.service_code)).toEqual(hedongServices)
    // No jurisdiction_id, or the deployment's own name for it: the default district.
    const plain = await codes('')
    expect(plain).toContain('culture.library')
    expect(plain).not.toContain(river.body.code)
    expect(await codes('?jurisdiction_id=heping.gov.cn')).toEqual(plain)
    expect((await request.get(`/open311/v2/services/${river.body.code}.json`)).status).toBe(404)
    const definition = await request.get(
      `/open311/v2/services/${river.body.code}.json?jurisdiction_id=${hedong.code}`,
    )
    expect(definition.status).toBe(200)
    expectValid('service-definition.json', definition.body)

    const report = (extra: Record<string, string>) =>
      request
        .post('/open311/v2/requests.json')
        .type('form')
        .send({
          api_key: apiKey,
          lat: '39.25',
          long: '116.25',
          description: '河边护栏断了一截，晚上走路很危险。',
          device_id: `device-${randomUUID()}`,
          ...extra,
        })
    expect((await report({ service_code: river.body.code })).status).toBe(404)
    expect((await report({ service_code: 'culture.library', jurisdiction_id: hedong.code })).status).toBe(404)
    const filed = await report({ service_code: river.body.code, jurisdiction_id: hedong.code })
    expect(filed.status).toBe(201)
    const number = filed.body[0].service_request_id as string
    const heping = await report({ service_code: 'culture.library' })
    expect(heping.status).toBe(201)
    // The case is 河东区's: its admin lists it, 和平区's list through Open311 does not.
    const bCases = (await request.get('/api/v1/cases?pageSize=100').set(bAdmin)).body.items as Array<{
      number: string
    }>
    expect(bCases.map((item) => item.number)).toEqual([number])

    const listed = async (query: string) => {
      const answer = await request.get(`/open311/v2/requests.json${query}`)
      expect(answer.status).toBe(200)
      expectValid('requests.json', answer.body)
      return (answer.body as Array<{ service_request_id: string }>).map((item) => item.service_request_id)
    }
    expect(await listed(`?jurisdiction_id=${hedong.code}`)).toEqual([number])
    expect(await listed('')).toEqual([heping.body[0].service_request_id])
    expect((await request.get(`/open311/v2/requests/${number}.json`)).status).toBe(404)
    expect(
      (await request.get(`/open311/v2/requests/${number}.json?jurisdiction_id=${hedong.code}`)).status,
    ).toBe(200)

    // Unknown or disabled: the specification's error list, in either format.
    const closed = await TenantModel.create({
      code: `closed-${randomUUID().slice(0, 6)}`,
      name: '停用区',
      disabled: true,
    })
    for (const jurisdiction of ['nowhere', closed.code]) {
      const unknown = await request.get(`/open311/v2/services.json?jurisdiction_id=${jurisdiction}`)
      expect(unknown.status).toBe(404)
      expect(unknown.body).toEqual([{ code: 404, description: `jurisdiction_id ${jurisdiction} not found` }])
    }
    const unknownXml = await request.get('/open311/v2/requests.xml?jurisdiction_id=nowhere')
    expect(unknownXml.status).toBe(404)
    expect(
      (xml.parse(unknownXml.text) as { errors: { error: Array<{ code: number }> } }).errors.error[0]!.code,
    ).toBe(404)
    const unknownPost = await report({ service_code: 'culture.library', jurisdiction_id: 'nowhere' })
    expect(unknownPost.status).toBe(404)

    const discovery = await request.get('/open311/v2/discovery.json')
    expect(discovery.body.contact).toContain('jurisdiction_id')
    expect(world.admin.auth).toBeDefined()
  })
})
