import { defaultTenantCode, defaultTenantId } from './defaultTenant'
import { TenantModel } from './tenant.model'

export interface TenantLabel {
  id: string
  code: string
  name: string
}

/**
 * The code and name of a tenant by id; null when it does not exist. The default tenant answers
 * even before its record was created (a database that never ran the start-up step).
 */
export async function tenantLabel(tenantId: string): Promise<TenantLabel | null> {
  const tenant = await TenantModel.findById(tenantId, { code: 1, name: 1 }).lean()
  if (tenant) return { id: String(tenant._id), code: tenant.code, name: tenant.name }
  if (tenantId === String(defaultTenantId)) return { id: tenantId, code: defaultTenantCode, name: '和平区' }
  return null
}

/** Every tenant's code by id (a few dozen rows), for lists that name each row's district. */
export async function tenantCodesById(): Promise<Map<string, string>> {
  const tenants = await TenantModel.find({}, { code: 1 }).lean()
  const codes = new Map(tenants.map((tenant) => [String(tenant._id), tenant.code]))
  if (!codes.has(String(defaultTenantId))) codes.set(String(defaultTenantId), defaultTenantCode)
  return codes
}
