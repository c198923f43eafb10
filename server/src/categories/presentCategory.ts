/** A category after a write, as the console receives it. */
export function presentCategory(row: {
  code: string
  name: string
  parentCode?: string | null
  enabled?: boolean | null
  tenantId?: unknown
}) {
  return {
    code: row.code,
    name: row.name,
    parentCode: row.parentCode ?? null,
    enabled: row.enabled !== false,
    scope: row.tenantId ? ('tenant' as const) : ('city' as const),
  }
}
