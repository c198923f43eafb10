import { maskIdNumber, maskPhone } from '@minqing/shared'

/** Never in an audit record at all: secrets and login bookkeeping. */
const dropped = new Set(['passwordHash', 'loginEpoch', 'lockedUntil', 'tokenVersion', '__v'])
const phoneKey = /phone|mobile/i
const idKey = /idNumber|idCard/i

/**
 * A record as the configuration audit stores it: plain JSON (ids and dates as strings), phone and
 * ID numbers masked, secrets dropped. FerretDB v1 refuses dotted or `$` keys and nested arrays in
 * stored documents, so such keys are rewritten and an inner array is kept as its JSON text.
 */
export function configSnapshot(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null
  const plain = JSON.parse(JSON.stringify(value)) as unknown
  const cleaned = clean(plain, '')
  return cleaned && typeof cleaned === 'object' && !Array.isArray(cleaned)
    ? (cleaned as Record<string, unknown>)
    : { value: cleaned }
}

function clean(value: unknown, key: string, insideArray = false): unknown {
  if (typeof value === 'string') {
    if (phoneKey.test(key)) return maskPhone(value) ?? null
    if (idKey.test(key)) return maskIdNumber(value)
    return value
  }
  if (Array.isArray(value)) {
    if (insideArray) return JSON.stringify(value)
    return value.map((item) => clean(item, key, true))
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
      if (dropped.has(name)) continue
      out[name.replace(/^\$/, '＄').replace(/\./g, '．')] = clean(inner, name)
    }
    return out
  }
  return value
}
