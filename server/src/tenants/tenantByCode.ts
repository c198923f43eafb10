import { AppError } from '@minqing/shared'
import { TenantModel } from './tenant.model'

/** The tenant a resident's link names; 400 TENANT_UNKNOWN for an unknown or disabled code. */
export async function tenantIdByCode(code: string | undefined): Promise<string | null> {
  if (!code) return null
  const tenant = await TenantModel.findOne({ code }, { disabled: 1 }).lean()
  if (!tenant || tenant.disabled)
    throw new AppError('TENANT_UNKNOWN', {
      issues: [{ path: 'tenant', code: 'not_found', message: '区县代码不存在 / Unknown district code' }],
    })
  return String(tenant._id)
}
