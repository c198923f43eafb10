import { seedDemoTenant } from './demoTenant'
import { submitCaseInputSchema, transitionInputSchema, type Role } from '@minqing/shared'
import mongoose, { Schema } from 'mongoose'
import { ensureDefaultCategories } from '../categories/categoryTree'
import { seedDemoKnowledge } from '../knowledge/seedDemoKnowledge'
import { RoutingRuleModel } from '../routing/routingRule.model'
import { createUnit } from '../units/unitTree'
import { createUser } from '../users/createUser'
import { applyTransition } from '../cases/applyTransition'
import { submitCase } from '../cases/submitCase'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { seedFieldwork } from './demoFieldwork'
import { seedRegistry } from './demoRegistry'

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

/** A square area south-west corner (lng, lat), side in degrees. */
function box(lng: number, lat: number, size: number) {
  const ring: Array<[number, number]> = [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ]
  return { type: 'Polygon' as const, coordinates: [ring] }
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
export async function seedDemo(deps: AppDeps): Promise<DemoLogin[] | null> {
  const password = deps.config.DEMO_PASSWORD
  if (await SeedMarkerModel.exists({ _id: 'demo' })) return null

  await ensureDefaultCategories()
  const city = await createUnit({ name: '民安市', level: 'city', parentId: null })
  const district = await createUnit({
    name: '和平区',
    level: 'district',
    parentId: city.id,
    area: box(116.3, 39.9, 0.2),
  })
  const street = await createUnit({
    name: '幸福街道',
    level: 'street',
    parentId: district.id,
    area: box(116.35, 39.95, 0.05),
  })
  const community = await createUnit({
    name: '幸福社区',
    level: 'community',
    parentId: street.id,
    area: box(116.36, 39.96, 0.02),
  })
  await createUnit({
    name: '幸福社区第一网格',
    level: 'grid',
    parentId: community.id,
    area: box(116.36, 39.96, 0.01),
  })
  const culture = await createUnit({ name: '和平区文化和旅游局', level: 'department', parentId: district.id })
  const housing = await createUnit({
    name: '和平区住房和城乡建设局',
    level: 'department',
    parentId: district.id,
  })
  await RoutingRuleModel.create([
    { name: '文化服务类诉求交文旅局', priority: 10, categoryCodes: ['culture'], unitId: culture.id },
    { name: '住房物业类诉求交住建局', priority: 20, categoryCodes: ['housing'], unitId: housing.id },
    { name: '含“物业”“漏水”的诉求交住建局', priority: 30, keywords: ['物业', '漏水'], unitId: housing.id },
  ])

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
  const viewers: Partial<Record<Role, Viewer>> = {}
  for (const account of accounts) {
    const user = await createUser({
      phone: account.phone,
      name: account.name,
      role: account.role,
      password,
      unitId: account.unitId,
      positionLevel: account.positionLevel,
    })
    viewers[account.role] = { userId: user.id as string, role: account.role, unitId: account.unitId ?? null }
  }
  await seedSampleCases(deps, viewers as Record<Role, Viewer>)
  await seedFieldwork(deps, viewers as Record<Role, Viewer>, district.id)
  // Answers (issue 14): a knowledge base to search from the case page and the submit page.
  await seedDemoKnowledge()
  await seedRegistry(deps, viewers as Record<Role, Viewer>, {
    street: street.id,
    housing: housing.id,
    culture: culture.id,
  })
  // Districts as tenants (issue #16): a second district with its own admin.
  const hedongAdmin = await seedDemoTenant(password)
  await SeedMarkerModel.create({ _id: 'demo', seededAt: new Date() })
  return [...accounts.map(({ role, phone, name, unit }) => ({ role, phone, name, unit })), hedongAdmin]
}

/** Seed actions go through the same schema as API requests (defaults included). */
const act = (deps: AppDeps, viewer: Viewer, caseId: string, input: Record<string, unknown>) =>
  applyTransition(deps, viewer, caseId, transitionInputSchema.parse(input))

/** A few cases in different states, so every role's pages have something to show. */
async function seedSampleCases(deps: AppDeps, viewers: Record<Role, Viewer>): Promise<void> {
  const submit = (clientId: string, input: Record<string, unknown>) =>
    submitCase(
      deps,
      viewers.resident,
      submitCaseInputSchema.parse({
        clientId,
        kind: 'suggestion',
        publicConsent: true,
        contactPhone: demoAccounts.resident,
        ...input,
      }),
    )

  const library = await submit('demo-case-library', {
    categoryCode: 'culture.library',
    title: '农家书屋开放时间太短',
    description: '幸福社区农家书屋只在工作日白天开放，上班族借不到书，建议周末也开放。',
    location: { lat: 39.965, lng: 116.365, address: '幸福社区文化活动中心' },
  })
  await act(deps, viewers.handler, library.record.id as string, { action: 'accept' })
  await act(deps, viewers.handler, library.record.id as string, {
    action: 'reply',
    message: '已联系社区，正在协调周末志愿者值守。',
    public: true,
  })

  const opera = await submit('demo-case-opera', {
    kind: 'praise',
    categoryCode: 'culture.opera',
    title: '送戏下乡演得好',
    description: '上周的送戏下乡演出很精彩，老人们都很喜欢，希望多来几次。',
  })
  await act(deps, viewers.handler, opera.record.id as string, { action: 'accept' })
  await act(deps, viewers.handler, opera.record.id as string, {
    action: 'resolve',
    message: '感谢您的肯定，下季度将增加两场演出。',
  })

  // Received ten days ago and never signed for (past its sign-for deadline even across the longest
  // public holiday): the supervision board, the dashboards and the console's overdue filter have a
  // real overdue case to show.
  const tenDaysEarlier = new Date(deps.clock.now().getTime() - 10 * 86_400_000)
  await submitCase(
    { ...deps, clock: { now: () => tenDaysEarlier } },
    viewers.resident,
    submitCaseInputSchema.parse({
      clientId: 'demo-case-leaking-roof',
      kind: 'help',
      publicConsent: false,
      contactPhone: demoAccounts.resident,
      categoryCode: 'culture.library',
      title: '村图书室屋顶漏雨',
      description: '幸福村图书室屋顶漏雨，书架上的书被淋湿了，请尽快维修。',
    }),
  )

  await submit('demo-case-road', {
    kind: 'complaint',
    categoryCode: 'urban.road',
    title: '路口积水严重',
    description: '下雨后路口积水没过脚踝，行人只能绕行，请尽快疏通排水。',
  })
}
