import { AppError } from '@minqing/shared'
import { z } from 'zod'
import type { Viewer } from '../http/defineRoute'
import { UserModel } from '../users/user.model'
import { TenantModel } from './tenant.model'
import { scopeFilter } from './tenantScope'

/** `?tenant=<code>` on a public page: the district a resident's link names (tenant.model.ts). */
export const tenantCodeQuery = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, { message: '区县代码无效 / Invalid district code' })
  .optional()

/**
 * The district a public page (echo wall, consultations, knowledge) shows: the link's code; else a
 * logged-in resident's own district (their account's); else null — the city portal, every
 * district. An unknown or disabled code is 404 NOT_FOUND: the page of no such district.
 */
export async function publicTenant(
  code: string | undefined,
  viewer: Viewer | undefined,
): Promise<string | null> {
  if (code) {
    const tenant = await TenantModel.findOne({ code }, { disabled: 1 }).lean()
    if (!tenant || tenant.disabled)
      throw new AppError('NOT_FOUND', {
        issues: [{ path: 'tenant', code: 'not_found', message: '区县代码不存在 / Unknown district code' }],
      })
    return String(tenant._id)
  }
  if (viewer?.role !== 'resident') return viewer?.tenantId ?? null
  const user = await UserModel.findById(viewer.userId, { tenantId: 1 }).lean()
  return user?.tenantId ? String(user.tenantId) : null
}

/** The filter of a public page's records: one district's (`scopeFilter`), or `{}` for every district. */
export const publicTenantFilter = (tenantId: string | null, field = 'tenantId') =>
  scopeFilter({ tenantId }, field)
