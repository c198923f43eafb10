/** A value as one short line of text (objects and lists as JSON, long text cut). */
function short(value: unknown): string {
  if (value === null || value === undefined) return '—'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/**
 * What a configuration change changed, field by field ("name: 文旅局 → 文化和旅游局"), so an
 * admin reads the audit without comparing two JSON documents. A creation lists its fields.
 */
export function configDiff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => key !== 'id' && key !== 'updatedAt' && key !== 'createdAt',
  )
  return keys
    .filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]))
    .map((key) =>
      before ? `${key}: ${short(before[key])} → ${short(after?.[key])}` : `${key}: ${short(after?.[key])}`,
    )
}
