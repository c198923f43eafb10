import type { Area } from '@minqing/shared'
import { randomUUID } from 'node:crypto'
import { encodeArea } from '../src/areas/areaCodec'
import { invalidateAreaIndex } from '../src/areas/areaIndex'
import { ensureDefaultCategories } from '../src/categories/categoryTree'
import { RoutingRuleModel } from '../src/routing/routingRule.model'
import { UnitModel } from '../src/units/unit.model'
import { buildUnit, buildUser } from './factories'
import { signedInAs, type testApp } from './testApp'

type Request = ReturnType<typeof testApp>['request']

export const square = (lng: number, lat: number, size: number): Area => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
})

/**
 * A small city for case tests: a district with one street (both with areas), a culture bureau
 * that a category rule routes to, a housing bureau, and a logged-in account per role.
 */
export async function caseWorld(request: Request) {
  await ensureDefaultCategories()
  // Worlds share a database within a test file: only the newest world's areas may contain points.
  await UnitModel.updateMany({}, { $set: { area: null } })
  const district = await buildUnit({ level: 'district', name: `区${randomUUID().slice(0, 6)}` })
  await district.updateOne({ area: encodeArea(square(116.0, 39.0, 1.0)) })
  const street = await buildUnit({ level: 'street', parentId: district.id, name: '街道' })
  await street.updateOne({ area: encodeArea(square(116.2, 39.2, 0.2)) })
  const community = await buildUnit({ level: 'community', parentId: street.id, name: '社区' })
  const grid = await buildUnit({ level: 'grid', parentId: community.id, name: '第一网格' })
  await grid.updateOne({ area: encodeArea(square(116.24, 39.24, 0.02)) })
  invalidateAreaIndex()
  const culture = await buildUnit({ level: 'department', parentId: district.id, name: '文旅局' })
  const housing = await buildUnit({ level: 'department', parentId: district.id, name: '住建局' })
  await RoutingRuleModel.deleteMany({})
  const cultureRule = await RoutingRuleModel.create({
    name: '文化类',
    priority: 10,
    categoryCodes: ['culture'],
    unitId: culture.id,
  })
  await RoutingRuleModel.create({ name: '物业关键词', priority: 20, keywords: ['物业'], unitId: housing.id })

  const session = async (role: Parameters<typeof buildUser>[0] extends infer P ? P : never) => {
    const user = await buildUser(role)
    // Signed as a login would answer: six real logins per world cost more than the rest of it.
    const token = await signedInAs(request, user)
    return { user, token, auth: { Authorization: `Bearer ${token}` } }
  }
  return {
    district,
    street,
    grid,
    culture,
    housing,
    cultureRule,
    resident: await session({ role: 'resident' }),
    otherResident: await session({ role: 'resident' }),
    cultureHandler: await session({ role: 'handler', unitId: culture.id }),
    housingHandler: await session({ role: 'handler', unitId: housing.id }),
    districtLeader: await session({ role: 'leader', unitId: district.id }),
    admin: await session({ role: 'admin' }),
  }
}

export function caseBody(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    kind: 'suggestion',
    categoryCode: 'culture.library',
    title: '农家书屋不开门',
    description: '村里的农家书屋已经两个月没有开门了，希望恢复开放。',
    contactPhone: '13712345678',
    ...overrides,
  }
}
