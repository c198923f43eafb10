import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { testApp } from '../../test/testApp'
import { defaultTenantId } from '../tenants/defaultTenant'
import { TenantModel } from '../tenants/tenant.model'

type Request = ReturnType<typeof testApp>['request']
type Auth = Record<string, string>
interface Node {
  code: string
  name: string
  children: Node[]
}

/** 和平区 (the default tenant, from caseWorld) and a fresh 河东区 with its own admin and bureau. */
async function twoDistricts(request: Request) {
  const world = await caseWorld(request)
  const as = async (props: Parameters<typeof buildUser>[0]): Promise<Auth> => ({
    Authorization: `Bearer ${(await loginAs(request, await buildUser(props))).accessToken}`,
  })
  const hedong = await TenantModel.create({ code: `hedong-${randomUUID().slice(0, 6)}`, name: '河东区' })
  const root = await buildUnit({ level: 'district', name: `河东区${hedong.code}`, tenantId: hedong.id })
  const water = await buildUnit({ level: 'department', parentId: root.id, name: '河东水务局' })
  return {
    world,
    hedong,
    root,
    water,
    cityAdmin: world.admin.auth,
    aAdmin: await as({ role: 'admin', tenantId: String(defaultTenantId) }),
    bAdmin: await as({ role: 'admin', tenantId: hedong.id }),
  }
}

const flat = (nodes: Node[]): string[] => nodes.flatMap((node) => [node.code, ...flat(node.children)])

async function offered(request: Request, query = '', auth: Auth = {}) {
  const answer = await request.get(`/api/v1/categories${query}`).set(auth)
  expect(answer.status).toBe(200)
  return flat(answer.body.categories as Node[])
}

describe('categories per district (issue #16, tenants)', { timeout: 240_000 }, () => {
  it('lets a district admin add, rename and retire its own categories, seen only in its district', async () => {
    const { request } = testApp()
    const t = await twoDistricts(request)
    const add = (auth: Auth, body: object) => request.post('/api/v1/categories').set(auth).send(body)

    const opera = await add(t.bAdmin, { code: 'opera', name: '河东戏曲', parentCode: 'culture' })
    expect(opera.status).toBe(201)
    // The server makes the code: the district's code keeps two districts' parts apart.
    expect(opera.body).toEqual({
      code: `culture.${t.hedong.code}_opera`,
      name: '河东戏曲',
      parentCode: 'culture',
      enabled: true,
      scope: 'tenant',
    })
    const river = await add(t.bAdmin, { code: 'river', name: '河道管理', parentCode: null })
    expect(river.body.code).toBe(`${t.hedong.code}_river`)
    // Under its own category the parent's code already carries the district; the parent's
    // prefix may be typed as a city admin would.
    const bank = await add(t.bAdmin, {
      code: `${river.body.code}.bank`,
      name: '河岸',
      parentCode: river.body.code,
    })
    expect(bank.body.code).toBe(`${river.body.code}.bank`)
    const deep = await add(t.bAdmin, { code: 'culture.a.b', name: '多段', parentCode: 'culture' })
    expect(deep.status).toBe(400)
    expect(deep.body.error.issues[0].path).toBe('code')
    // Another district's category is no parent for 和平区's admin, nor for the city tree.
    const foreignParent = await add(t.aAdmin, { code: 'x', name: '越界', parentCode: river.body.code })
    expect(foreignParent.status).toBe(400)
    expect(foreignParent.body.error.issues[0].path).toBe('parentCode')
    const cityUnderDistrict = await add(t.cityAdmin, {
      code: `${river.body.code}.city`,
      name: '市级挂区',
      parentCode: river.body.code,
    })
    expect(cityUnderDistrict.status).toBe(400)

    const hedongList = await offered(request, `?tenant=${t.hedong.code}`)
    expect(hedongList).toEqual(
      expect.arrayContaining([opera.body.code, river.body.code, bank.body.code, 'culture']),
    )
    expect(await offered(request, '', t.bAdmin)).toEqual(hedongList)
    const hepingList = await offered(request)
    expect(hepingList).toContain('culture.library')
    expect(hepingList.filter((code) => code.includes(t.hedong.code))).toEqual([])
    expect(await offered(request, '', t.aAdmin)).toEqual(hepingList)

    const renamed = await request
      .patch(`/api/v1/categories/${opera.body.code}`)
      .set(t.bAdmin)
      .send({ name: '地方戏曲' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.name).toBe('地方戏曲')
    const retired = await request
      .patch(`/api/v1/categories/${bank.body.code}`)
      .set(t.bAdmin)
      .send({ enabled: false })
    expect(retired.body.enabled).toBe(false)
    expect(await offered(request, `?tenant=${t.hedong.code}`)).not.toContain(bank.body.code)
    // The city tree is the city's; another district's category does not exist for 和平区.
    const cityEdit = await request.patch('/api/v1/categories/culture').set(t.bAdmin).send({ name: '改名' })
    expect(cityEdit.status).toBe(403)
    expect(cityEdit.body.error.code).toBe('CITY_LEVEL_ONLY')
    expect(
      (await request.patch(`/api/v1/categories/${opera.body.code}`).set(t.aAdmin).send({ name: '越界' }))
        .status,
    ).toBe(404)
    expect((await request.get('/api/v1/categories?tenant=nowhere')).body.error.code).toBe('TENANT_UNKNOWN')

    const audit = await request
      .get('/api/v1/audit/config-changes?entityType=category&pageSize=50')
      .set(t.bAdmin)
    const steps = (audit.body.items as Array<{ action: string; entityId: string }>)
      .map((item) => `${item.action} ${item.entityId}`)
      .sort()
    expect(steps).toEqual(
      [
        `create ${opera.body.code}`,
        `create ${river.body.code}`,
        `create ${bank.body.code}`,
        `update ${opera.body.code}`,
        `update ${bank.body.code}`,
      ].sort(),
    )
  })

  it('hides a city category for one district only, and shows it again', async () => {
    const { request } = testApp()
    const t = await twoDistricts(request)
    const hide = (auth: Auth, code: string, body: object) =>
      request.put(`/api/v1/categories/${code}/visibility`).set(auth).send(body)
    const hidden = await hide(t.bAdmin, 'culture.library', { hidden: true })
    expect(hidden.status).toBe(200)
    expect(hidden.body).toEqual({ code: 'culture.library', tenantCode: t.hedong.code, hidden: true })
    expect(await offered(request, `?tenant=${t.hedong.code}`)).not.toContain('culture.library')
    expect(await offered(request)).toContain('culture.library')
    const submit = (tenant?: string) =>
      request
        .post('/api/v1/cases')
        .set(t.world.resident.auth)
        .send(caseBody({ categoryCode: 'culture.library', ...(tenant ? { tenant } : {}) }))
    const refused = await submit(t.hedong.code)
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('VALIDATION_FAILED')
    expect(refused.body.error.issues[0].path).toBe('categoryCode')
    expect((await submit()).status).toBe(201)

    // The console: city rows hideable (not editable) for the district, its own editable.
    const own = await request.post('/api/v1/categories').set(t.bAdmin).send({ code: 'ferry', name: '渡口' })
    const aOwn = await request
      .post('/api/v1/categories')
      .set(t.aAdmin)
      .send({ code: 'square', name: '和平广场' })
    const managed = (await request.get('/api/v1/categories/managed').set(t.bAdmin)).body.items as Array<
      Record<string, unknown>
    >
    expect(managed.find((row) => row.code === 'culture.library')).toMatchObject({
      scope: 'city',
      hidden: true,
      canEdit: false,
      canHide: true,
    })
    expect(managed.find((row) => row.code === own.body.code)).toMatchObject({
      scope: 'tenant',
      tenantCode: t.hedong.code,
      canEdit: true,
      canHide: false,
    })
    expect(managed.map((row) => row.code)).not.toContain(aOwn.body.code)
    const cityView = (await request.get('/api/v1/categories/managed').set(t.cityAdmin)).body.items as Array<
      Record<string, unknown>
    >
    expect(cityView.find((row) => row.code === aOwn.body.code)).toMatchObject({
      tenantCode: 'default',
      canEdit: true,
    })

    // Only city categories are hidden; another district's is not there at all.
    expect((await hide(t.bAdmin, own.body.code, { hidden: true })).status).toBe(400)
    expect((await hide(t.bAdmin, aOwn.body.code, { hidden: true })).status).toBe(404)
    // A city admin names the district.
    const unnamed = await hide(t.cityAdmin, 'culture', { hidden: true })
    expect(unnamed.status).toBe(400)
    expect(unnamed.body.error.issues[0].path).toBe('tenant')

    const shown = await hide(t.bAdmin, 'culture.library', { hidden: false })
    expect(shown.body.hidden).toBe(false)
    expect(await offered(request, `?tenant=${t.hedong.code}`)).toContain('culture.library')
    expect((await submit(t.hedong.code)).status).toBe(201)
    const byCity = await hide(t.cityAdmin, 'culture', { hidden: true, tenant: t.hedong.code })
    expect(byCity.status).toBe(200)
    expect(await offered(request, `?tenant=${t.hedong.code}`)).not.toContain('culture.library')

    const audit = await request
      .get('/api/v1/audit/config-changes?entityType=category&pageSize=50')
      .set(t.bAdmin)
    const steps = (audit.body.items as Array<{ action: string; entityId: string }>).map(
      (item) => `${item.action} ${item.entityId}`,
    )
    expect(steps).toEqual(expect.arrayContaining(['hide culture.library', 'show culture.library']))
  })

  it('refuses another district’s category code and routes by the district’s own rules', async () => {
    const { request } = testApp()
    const t = await twoDistricts(request)
    const river = await request
      .post('/api/v1/categories')
      .set(t.bAdmin)
      .send({ code: 'river', name: '河道管理' })
    const rule = await request
      .post('/api/v1/routing/rules')
      .set(t.bAdmin)
      .send({ name: '河道类', priority: 5, categoryCodes: [river.body.code], unitId: t.water.id })
    expect(rule.status).toBe(201)
    const submit = (tenant?: string) =>
      request
        .post('/api/v1/cases')
        .set(t.world.resident.auth)
        .send(caseBody({ categoryCode: river.body.code, ...(tenant ? { tenant } : {}) }))
    const crossed = await submit()
    expect(crossed.status).toBe(400)
    expect(crossed.body.error.issues[0].path).toBe('categoryCode')
    const filed = await submit(t.hedong.code)
    expect(filed.status).toBe(201)
    expect(filed.body.unitId).toBe(t.water.id)
  })

  it('lists the enabled districts publicly and tells an account its own', async () => {
    const { request } = testApp()
    const t = await twoDistricts(request)
    await TenantModel.create({ code: `closed-${randomUUID().slice(0, 6)}`, name: '停用区', disabled: true })
    const list = await request.get('/api/v1/tenants')
    expect(list.status).toBe(200)
    const tenants = list.body.tenants as Array<{ code: string; name: string }>
    expect(tenants).toContainEqual({ code: t.hedong.code, name: '河东区' })
    expect(tenants.map((tenant) => tenant.name)).not.toContain('停用区')
    expect(tenants.map((tenant) => tenant.code)).toEqual([...tenants.map((tenant) => tenant.code)].sort())
    expect((await request.get('/api/v1/tenants/mine').set(t.bAdmin)).body).toEqual({
      tenant: { code: t.hedong.code, name: '河东区' },
    })
    expect((await request.get('/api/v1/tenants/mine').set(t.cityAdmin)).body).toEqual({ tenant: null })
  })
})
