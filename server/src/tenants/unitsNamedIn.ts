/** Unit ids a request body names (`unitId`, `unitIds`, `coUnitIds`), to check them against the tenant. */
export function unitsNamedIn(body: unknown): string[] {
  if (!body || typeof body !== 'object') return []
  const record = body as Record<string, unknown>
  const ids: string[] = []
  for (const key of ['unitId', 'coUnitIds', 'unitIds', 'areaUnitIds']) {
    const value = record[key]
    if (typeof value === 'string') ids.push(value)
    else if (Array.isArray(value))
      ids.push(...value.filter((item): item is string => typeof item === 'string'))
  }
  return ids
}
