import { AppError } from '@minqing/shared'
import { recordConfigChange } from '../audit/recordConfigChange'
import { isDuplicateKey } from '../db/duplicateKey'
import type { Viewer } from '../http/defineRoute'
import type { AppDeps } from '../http/deps'
import { tenantLabel } from '../tenants/tenantById'
import { tenantIdByCode } from '../tenants/tenantByCode'
import { CategoryModel } from './category.model'
import { CategoryHideModel } from './categoryHide.model'
import { categoryIssue } from './categoryIssues'

/**
 * Hides a city category for one district, or shows it again; the city tree and every other
 * district are untouched. A district admin acts for their own district; a city-level admin names
 * the district (`tenant`). A district's own category is retired instead (PATCH enabled: false).
 */
export async function setCategoryHidden(
  deps: AppDeps,
  viewer: Viewer,
  code: string,
  input: { hidden: boolean; tenant?: string },
) {
  const tenantId = viewer.tenantId ?? (await tenantIdByCode(input.tenant))
  if (!tenantId) throw categoryIssue('tenant', 'required', '请指定区县 / Name the district')
  const category = await CategoryModel.findOne({ code }, { code: 1, tenantId: 1 }).lean()
  const owner = category?.tenantId ? String(category.tenantId) : null
  if (!category || (owner && viewer.tenantId && owner !== viewer.tenantId)) throw new AppError('NOT_FOUND')
  if (owner)
    throw categoryIssue('hidden', 'own', '本区分类请直接停用 / Retire a district’s own category instead')
  const tenant = await tenantLabel(tenantId)
  if (!tenant) throw new AppError('NOT_FOUND')
  const before = { hidden: Boolean(await CategoryHideModel.exists({ tenantId, code })) }
  if (input.hidden) {
    try {
      // A unique insert: two admins hiding at once leave one row.
      await CategoryHideModel.create({ tenantId, code })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  } else await CategoryHideModel.deleteOne({ tenantId, code })
  await recordConfigChange(deps, viewer, {
    entityType: 'category',
    entityId: code,
    action: input.hidden ? 'hide' : 'show',
    before: { ...before, tenant: tenant.code },
    after: { hidden: input.hidden, tenant: tenant.code },
  })
  return { code, tenantCode: tenant.code, hidden: input.hidden }
}
