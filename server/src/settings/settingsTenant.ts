import { AppError } from '@minqing/shared'
import { z } from 'zod'
import type { Viewer } from '../http/defineRoute'
import { tenantIdByCode } from '../tenants/tenantByCode'

/** `?tenant=<code>`: whose settings a city-level admin reads or edits (a district's own code for others). */
export const settingsTenantQuery = z.object({ tenant: z.string().trim().min(1).max(40).optional() })

/**
 * Whose settings a request is about: null = the city default. A district's admin (or leader)
 * always gets their own district; naming another district's code answers 404, as if it did not
 * exist. A city-level admin gets the city's, or the district `?tenant=` names.
 */
export async function settingsTenant(
  viewer: Pick<Viewer, 'tenantId'>,
  code: string | undefined,
): Promise<string | null> {
  const named = await tenantIdByCode(code)
  if (!viewer.tenantId) return named
  if (named && named !== viewer.tenantId) throw new AppError('NOT_FOUND')
  return viewer.tenantId
}
