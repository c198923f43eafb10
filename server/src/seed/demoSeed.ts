import type { Role } from '@minqing/shared'
import mongoose, { Schema } from 'mongoose'
import { createUnit } from '../units/unitTree'
import { createUser } from '../users/createUser'

/** Marks what has been seeded, so a restart never seeds twice. */
const SeedMarkerModel = mongoose.model(
  'SeedMarker',
  new Schema({ _id: String, seededAt: Date }, { collection: 'seed_markers' }),
)

export interface DemoLogin {
  role: Role
  phone: string
  name: string
  unit: string | null
}

/** The demo accounts the README promises; every one uses DEMO_PASSWORD. */
export const demoAccounts = {
  admin: '13800000001',
  leader: '13800000002',
  handler: '13800000003',
  staff: '13800000004',
  resident: '13800000005',
} as const

/**
 * Seeds a demo city on first start: a unit tree from city down to grid plus two district
 * departments, and one account per role. Returns the logins, or null when already seeded.
 */
export async function seedDemo(password: string): Promise<DemoLogin[] | null> {
  if (await SeedMarkerModel.exists({ _id: 'demo' })) return null

  const city = await createUnit({ name: '民安市', level: 'city', parentId: null })
  const district = await createUnit({ name: '和平区', level: 'district', parentId: city.id })
  const street = await createUnit({ name: '幸福街道', level: 'street', parentId: district.id })
  const community = await createUnit({ name: '幸福社区', level: 'community', parentId: street.id })
  await createUnit({ name: '幸福社区第一网格', level: 'grid', parentId: community.id })
  const culture = await createUnit({ name: '和平区文化和旅游局', level: 'department', parentId: district.id })
  await createUnit({ name: '和平区住房和城乡建设局', level: 'department', parentId: district.id })

  const accounts: Array<DemoLogin & { unitId?: string; positionLevel?: 'cadre' | 'unitLeader' }> = [
    { role: 'admin', phone: demoAccounts.admin, name: '系统管理员', unit: city.name, unitId: city.id },
    {
      role: 'leader',
      phone: demoAccounts.leader,
      name: '王区长',
      unit: district.name,
      unitId: district.id,
      positionLevel: 'unitLeader',
    },
    { role: 'handler', phone: demoAccounts.handler, name: '李承办', unit: culture.name, unitId: culture.id },
    {
      role: 'staff',
      phone: demoAccounts.staff,
      name: '张网格',
      unit: community.name,
      unitId: community.id,
      positionLevel: 'cadre',
    },
    { role: 'resident', phone: demoAccounts.resident, name: '赵群众', unit: null },
  ]
  for (const account of accounts) {
    await createUser({
      phone: account.phone,
      name: account.name,
      role: account.role,
      password,
      unitId: account.unitId,
      positionLevel: account.positionLevel,
    })
  }
  await SeedMarkerModel.create({ _id: 'demo', seededAt: new Date() })
  return accounts.map(({ role, phone, name, unit }) => ({ role, phone, name, unit }))
}
