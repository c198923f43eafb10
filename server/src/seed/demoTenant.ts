import { CategoryModel } from '../categories/category.model'
import { ensureDefaultReplyTemplates } from '../replyTemplates/seedReplyTemplates'
import { RoutingRuleModel } from '../routing/routingRule.model'
import { ensureDefaultTenant } from '../tenants/defaultTenant'
import { TenantModel } from '../tenants/tenant.model'
import { createUnit } from '../units/unitTree'
import { createUser } from '../users/createUser'
import type { DemoLogin } from './demoSeed'

/** The second district's admin: sees and configures 河东区 only (the demo of tenant isolation). */
export const hedongAdminPhone = '13800000006'

/**
 * A second demo tenant, 河东区 (code `hedong`: residents' links carry `?tenant=hedong`), with
 * one bureau, its own routing rule and its own admin. It is a top-level unit of its own: a
 * unit's tenant is its root's, and 民安市 with 和平区 below it is the default tenant.
 */
export async function seedDemoTenant(password: string): Promise<DemoLogin> {
  await ensureDefaultTenant()
  const tenant = await TenantModel.create({ code: 'hedong', name: '河东区' })
  const district = await createUnit({
    name: '河东区',
    level: 'district',
    parentId: null,
    tenantId: tenant.id,
  })
  const culture = await createUnit({ name: '河东区文化和旅游局', level: 'department', parentId: district.id })
  await RoutingRuleModel.create({
    name: '河东区文化服务类诉求交文旅局',
    priority: 10,
    categoryCodes: ['culture'],
    unitId: culture.id,
    tenantId: tenant._id,
  })
  // A category of the district's own beside the city tree (its code as the server makes it).
  await CategoryModel.create({
    code: 'hedong_river',
    name: '河道管理',
    parentCode: null,
    order: 90,
    tenantId: tenant._id,
  })
  // The district answers its residents with its own copies of the shipped reply templates.
  await ensureDefaultReplyTemplates(new Date(), tenant.id)
  const name = '河东区管理员 (hedong-admin)'
  await createUser({ phone: hedongAdminPhone, name, role: 'admin', password, tenantId: tenant.id })
  return { role: 'admin', phone: hedongAdminPhone, name, unit: district.name }
}
