// C0 control characters other than tab, line feed and carriage return, and DEL: never meaningful in
// what a person types, invalid in XML 1.0, and NUL cannot be stored by PostgreSQL's jsonb at all
// (FerretDB on PostgreSQL answers 22P05 "unsupported Unicode escape sequence").
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

export function withoutControlCharacters(text: string): string {
  return text.replace(controlCharacters, '')
}

/** The same for every string inside a parsed request (bodies, queries), depth-first. */
export function cleanInput<T>(value: T): T {
  if (typeof value === 'string') return withoutControlCharacters(value) as T
  if (Array.isArray(value)) return value.map(cleanInput) as T
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = cleanInput(item)
    return out as T
  }
  return value
}
