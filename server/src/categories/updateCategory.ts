import { AppError } from '@minqing/shared'
import { recordConfigChange } from '../audit/recordConfigChange'
import type { Viewer } from '../http/defineRoute'
import type { AppDeps } from '../http/deps'
import { CategoryModel } from './category.model'
import { presentCategory } from './presentCategory'

export interface CategoryPatch {
  name?: string
  order?: number
  enabled?: boolean
}

/**
 * Renames, reorders or retires a category (codes never change: rules and statistics refer to
 * them). A district admin changes only their district's own: a city category is the city's
 * (403 CITY_LEVEL_ONLY; they may hide it for their district), another district's is 404.
 */
export async function updateCategory(deps: AppDeps, viewer: Viewer, code: string, patch: CategoryPatch) {
  const before = await CategoryModel.findOne({ code }).lean()
  if (!before) throw new AppError('NOT_FOUND')
  const owner = before.tenantId ? String(before.tenantId) : null
  if (viewer.tenantId && owner !== viewer.tenantId) {
    if (owner) throw new AppError('NOT_FOUND')
    throw new AppError('CITY_LEVEL_ONLY')
  }
  const updated = await CategoryModel.findOneAndUpdate({ code }, { $set: patch }, { new: true })
  if (!updated) throw new AppError('NOT_FOUND')
  await recordConfigChange(deps, viewer, {
    entityType: 'category',
    entityId: code,
    action: 'update',
    before,
    after: updated,
  })
  return presentCategory(updated)
}
