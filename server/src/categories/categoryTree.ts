import { defaultCategories, type CategorySeed } from '@minqing/shared'
import { CategoryModel, enabledCategoryCodes } from './category.model'

export interface CategoryNode {
  code: string
  name: string
  children: CategoryNode[]
}

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

export async function categoryTree(): Promise<CategoryNode[]> {
  const rows = await CategoryModel.find({ enabled: true }).sort({ order: 1, code: 1 })
  const byParent = new Map<string | null, typeof rows>()
  for (const row of rows)
    byParent.set(row.parentCode ?? null, [...(byParent.get(row.parentCode ?? null) ?? []), row])
  const build = (parent: string | null): CategoryNode[] =>
    (byParent.get(parent) ?? []).map((row) => ({ code: row.code, name: row.name, children: build(row.code) }))
  return build(null)
}

export async function categoryExists(code: string): Promise<boolean> {
  return (await enabledCategoryCodes.get()).has(code)
}
