import { effectiveCategories, type CategoryRow } from '@minqing/shared'
import { memoryCache } from '../db/memoryCache'
import { defaultTenantId } from '../tenants/defaultTenant'

export interface Catalogue {
  rows: CategoryRow[]
  /** The city codes each district hides, by district id. */
  hidden: Map<string, Set<string>>
}

/**
 * Every category and every district's hidden codes, read on every submission (see memoryCache):
 * a few hundred small rows. The models clear it on write; they are imported when it loads,
 * because they import it to do so.
 */
export const categoryCatalogue = memoryCache<Catalogue>(async () => {
  const [{ CategoryModel }, { CategoryHideModel }] = await Promise.all([
    import('./category.model'),
    import('./categoryHide.model'),
  ])
  const [rows, hides] = await Promise.all([
    CategoryModel.find({}, { code: 1, name: 1, parentCode: 1, order: 1, enabled: 1, tenantId: 1 }).lean(),
    CategoryHideModel.find({}, { tenantId: 1, code: 1 }).lean(),
  ])
  const hidden = new Map<string, Set<string>>()
  for (const hide of hides) {
    const key = String(hide.tenantId)
    hidden.set(key, (hidden.get(key) ?? new Set()).add(hide.code))
  }
  return {
    rows: rows.map((row) => ({
      code: row.code,
      name: row.name,
      parentCode: row.parentCode ?? null,
      order: row.order ?? 0,
      enabled: row.enabled !== false,
      tenantId: row.tenantId ? String(row.tenantId) : null,
    })),
    hidden,
  }
})

/** The categories a district offers (the default district when none is named), in tree order. */
export async function categoriesOffered(tenantId: string | null | undefined): Promise<CategoryRow[]> {
  const { rows, hidden } = await categoryCatalogue.get()
  const tenant = tenantId ?? String(defaultTenantId)
  return effectiveCategories(rows, tenant, hidden.get(tenant) ?? new Set())
}
