/**
 * Categories per district (issue #16, tenants): the city tree is shared by every district; a
 * district adds categories of its own (under a city parent or at the top) and hides city ones for
 * itself. These are the pure rules; the server feeds them the stored rows.
 */

/** A stored category as these rules need it; `tenantId` null = a city category. */
export interface CategoryRow {
  code: string
  name: string
  parentCode: string | null
  order: number
  enabled: boolean
  tenantId: string | null
}

/**
 * The categories a district offers, in tree order (parents before children, siblings by order
 * then code): city categories it has not hidden plus its own, enabled, and under a parent that is
 * itself offered — a hidden or retired parent takes its children with it.
 */
export function effectiveCategories<T extends CategoryRow>(
  rows: readonly T[],
  tenantId: string,
  hidden: ReadonlySet<string>,
): T[] {
  return treeOrder(
    rows.filter(
      (row) => row.enabled && (row.tenantId === null || row.tenantId === tenantId) && !hidden.has(row.code),
    ),
  )
}

/**
 * Rows in tree order: each parent before its children, siblings by order then code. A row whose
 * parent is not among the rows is left out (it cannot be reached from the top).
 */
export function treeOrder<T extends Pick<CategoryRow, 'code' | 'parentCode' | 'order'>>(
  rows: readonly T[],
): T[] {
  const byParent = new Map<string | null, T[]>()
  for (const row of rows) byParent.set(row.parentCode, [...(byParent.get(row.parentCode) ?? []), row])
  const sorted = (list: T[]) =>
    [...list].sort((a, b) => a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const walk = (parent: string | null): T[] =>
    sorted(byParent.get(parent) ?? []).flatMap((row) => [row, ...walk(row.code)])
  return walk(null)
}

/**
 * The code of a district's own category: the server makes it, so two districts never compete for
 * one code and every lookup by code (statistics, ledgers, rules) stays unambiguous. Under a city
 * parent or at the top the part is prefixed with the district's code and an underscore (district
 * codes have none, so the prefix cannot be forged by a city code's part); under the district's
 * own category the parent's code already carries it.
 */
export function tenantCategoryCode(input: {
  tenantCode: string
  part: string
  parent: Pick<CategoryRow, 'code' | 'tenantId'> | null
}): string {
  const { tenantCode, part, parent } = input
  if (parent && parent.tenantId !== null) return `${parent.code}.${part}`
  const own = `${tenantCode}_${part}`
  return parent ? `${parent.code}.${own}` : own
}
