import { randomUUID } from 'node:crypto'
import type supertest from 'supertest'
import { RoutingRuleModel } from '../src/routing/routingRule.model'
import { TenantModel } from '../src/tenants/tenant.model'
import { buildUnit, buildUser, loginAs } from './factories'

type Request = ReturnType<typeof supertest>

/**
 * 河东区 beside the default district (和平区) of caseWorld: its own tenant with a district unit,
 * a culture bureau and a culture routing rule, so a case filed there is routed inside it. The
 * code is unique per call; `uniqueUnitName` makes the district unit's name unique too, for files
 * that build several.
 */
export async function buildSecondDistrict(options: { uniqueUnitName?: boolean } = {}) {
  const hedong = await TenantModel.create({ code: `hedong-${randomUUID().slice(0, 8)}`, name: '河东区' })
  const name = options.uniqueUnitName ? `河东区${hedong.code}` : '河东区'
  const root = await buildUnit({ level: 'district', name, tenantId: hedong.id })
  const culture = await buildUnit({ level: 'department', parentId: root.id, name: '河东文旅局' })
  await RoutingRuleModel.create({
    name: '河东文化类',
    priority: 10,
    categoryCodes: ['culture'],
    unitId: culture.id,
    tenantId: hedong._id,
  })
  return { hedong, root, culture }
}

/** A new user of these properties, logged in through the API: their Authorization header. */
export async function authorizationOf(request: Request, props: Parameters<typeof buildUser>[0]) {
  return { Authorization: `Bearer ${(await loginAs(request, await buildUser(props))).accessToken}` }
}
