import { treeOrder } from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import { tenantCodesById } from '../tenants/tenantById'
import { CategoryModel } from './category.model'
import { CategoryHideModel } from './categoryHide.model'

/**
 * The categories an admin manages, retired ones included, in tree order, each with what this
 * admin may do to it. A district admin sees the city tree (which they may hide for their
 * district) and their district's own (which they edit), never another district's; a city-level
 * admin sees every category and edits all of them.
 */
export async function managedCategories(viewer: Viewer) {
  const [rows, hides, codes] = await Promise.all([
    CategoryModel.find({}, { code: 1, name: 1, parentCode: 1, order: 1, enabled: 1, tenantId: 1 }).lean(),
    viewer.tenantId ? CategoryHideModel.find({ tenantId: viewer.tenantId }, { code: 1 }).lean() : [],
    tenantCodesById(),
  ])
  const hidden = new Set(hides.map((hide) => hide.code))
  const visible = rows
    .map((row) => ({
      ...row,
      parentCode: row.parentCode ?? null,
      order: row.order ?? 0,
      owner: row.tenantId ? String(row.tenantId) : null,
    }))
    .filter((row) => !viewer.tenantId || row.owner === null || row.owner === viewer.tenantId)
  const ordered = treeOrder(visible)
  // Rows whose parent is gone (data from before parents were checked) still need managing.
  const reached = new Set(ordered.map((row) => row.code))
  const orphans = visible.filter((row) => !reached.has(row.code)).sort((a, b) => (a.code < b.code ? -1 : 1))
  return [...ordered, ...orphans].map((row) => ({
    code: row.code,
    name: row.name,
    parentCode: row.parentCode,
    order: row.order,
    enabled: row.enabled !== false,
    scope: row.owner ? ('tenant' as const) : ('city' as const),
    tenantCode: row.owner ? (codes.get(row.owner) ?? null) : null,
    hidden: hidden.has(row.code),
    canEdit: !viewer.tenantId || row.owner === viewer.tenantId,
    canHide: Boolean(viewer.tenantId) && row.owner === null,
  }))
}
