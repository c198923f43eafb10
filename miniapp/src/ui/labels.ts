import { defaultCategories } from '@minqing/shared'

export interface CategoryNodeLike {
  code: string
  name?: string
  label?: string
  children?: CategoryNodeLike[]
}

function find(code: string, nodes: readonly CategoryNodeLike[]): string | null {
  for (const node of nodes) {
    if (node.code === code) return node.name ?? node.label ?? null
    const child = find(code, node.children ?? [])
    if (child) return child
  }
  return null
}

/**
 * The name people see for a category code: from the tree the page loaded (admins rename
 * categories), else from the tree shipped with the app, else the code (never silently empty).
 */
export function categoryName(code: string, categories: readonly CategoryNodeLike[] = []): string {
  return find(code, categories) ?? find(code, defaultCategories) ?? code
}

/**
 * The stored routing reason ("规则「…」：分类 culture.facility，位于区域 <id>") in words: category
 * codes become names and unit ids become "规则所设区域". Reasons already stored keep working.
 */
export function readableRoutingReason(reason: string, categories: readonly CategoryNodeLike[] = []): string {
  return reason
    .replace(/分类 ([a-z0-9_.-]+)/gi, (_, code: string) => `分类「${categoryName(code, categories)}」`)
    .replace(/位于区域 [0-9a-f]{24}/g, '位于规则所设区域')
}
