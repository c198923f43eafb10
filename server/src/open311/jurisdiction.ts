import type { AppDeps } from '../http/deps'
import { defaultTenantId } from '../tenants/defaultTenant'
import { TenantModel } from '../tenants/tenant.model'
import { Open311Error } from './render'

/** The district an Open311 call addresses. */
export interface Jurisdiction {
  tenantId: string
  /** The district's code, or null for the default district. */
  code: string | null
}

/**
 * GeoReport v2's `jurisdiction_id` is the district code (`hedong`). Absent, or the deployment's
 * own name for itself (OPEN311_JURISDICTION, what clients sent before districts), it is the
 * default district; an unknown or disabled one is the specification's 404 error list.
 */
export async function jurisdictionOf(deps: AppDeps, given: string): Promise<Jurisdiction> {
  if (!given || given === deps.config.OPEN311_JURISDICTION)
    return { tenantId: String(defaultTenantId), code: null }
  const tenant = await TenantModel.findOne({ code: given }, { code: 1, disabled: 1 }).lean()
  if (!tenant || tenant.disabled) throw new Open311Error(404, `jurisdiction_id ${given} not found`)
  return { tenantId: String(tenant._id), code: tenant.code }
}
