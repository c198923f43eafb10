import { defaultCategories, type CategorySeed, type CategoryNode } from '@minqing/shared'
import { CategoryModel } from './category.model'
import { categoryCatalogue, categoriesOffered } from './categoryCatalogue'

export type { CategoryNode }

/** Inserts the shipped categories that are missing (by code); never overwrites an admin's edits. */
export async function ensureDefaultCategories(): Promise<void> {
  const rows: Array<{ code: string; name: string; parentCode: string | null; order: number }> = []
  const walk = (nodes: CategorySeed[], parentCode: string | null) =>
    nodes.forEach((node, order) => {
      rows.push({ code: node.code, name: node.name, parentCode, order })
      walk(node.children ?? [], node.code)
    })
  walk(defaultCategories, null)
  const existing = new Set((await CategoryModel.find({}, { code: 1 })).map((row) => row.code))
  const missing = rows.filter((row) => !existing.has(row.code))
  if (missing.length) await CategoryModel.insertMany(missing, { ordered: false }).catch(() => undefined)
}

/** The tree a district offers: the city's less what it hides, plus its own (default district if none). */
export async function categoryTree(tenantId?: string | null): Promise<CategoryNode[]> {
  const rows = await categoriesOffered(tenantId)
  const byParent = new Map<string | null, typeof rows>()
  for (const row of rows) byParent.set(row.parentCode, [...(byParent.get(row.parentCode) ?? []), row])
  const build = (parent: string | null): CategoryNode[] =>
    (byParent.get(parent) ?? []).map((row) => ({ code: row.code, name: row.name, children: build(row.code) }))
  return build(null)
}

/**
 * Whether a case may be filed under this code. With a district: only what that district offers
 * (another district's own category is unknown there). Without one (a city-level check before the
 * case's district is known): enabled in the city tree or in any district.
 */
export async function categoryExists(code: string, tenantId: string | null = null): Promise<boolean> {
  if (tenantId) return (await categoriesOffered(tenantId)).some((row) => row.code === code)
  return (await categoryCatalogue.get()).rows.some((row) => row.code === code && row.enabled)
}
