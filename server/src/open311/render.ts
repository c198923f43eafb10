import { XMLBuilder } from 'fast-xml-parser'
import type { Context } from 'koa'

export type Format = 'json' | 'xml'

/** The standard GeoReport v2 error: `[{ code, description }]` with the HTTP status as the code. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly description: string,
  ) {
    super(description)
  }
}

/**
 * Characters XML 1.0 forbids (C0 controls other than tab and line breaks, U+FFFE/U+FFFF, lone
 * surrogates): one of them in any value makes the whole document unreadable for every consumer.
 */
const notXmlChar =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
export const xmlSafe = (value: string) => value.replace(notXmlChar, '')

const builder = new XMLBuilder({ ignoreAttributes: true, format: true, suppressEmptyNode: false })

/**
 * A list written as one wrapper element holding one element per item (`<attributes><attribute>`,
 * `<formats><format>`), present even when empty — the spec's documents always carry the wrapper.
 */
export class XmlList {
  constructor(
    readonly item: string,
    readonly values: unknown[],
  ) {}
  toJSON() {
    return this.values
  }
}

/**
 * Writes a GeoReport answer as JSON, or as XML under the spec's element names
 * (`<services><service>`, `<service_requests><request>`, `<errors><error>`); nulls become empty
 * elements.
 */
export function render(ctx: Context, format: Format, root: string, item: string, body: unknown) {
  if (format === 'json') {
    ctx.type = 'application/json'
    ctx.body = body
    return
  }
  const clean = (value: unknown): unknown =>
    value === null || value === undefined
      ? ''
      : value instanceof XmlList
        ? value.values.length
          ? { [value.item]: value.values.map(clean) }
          : ''
        : Array.isArray(value)
          ? value.map(clean)
          : typeof value === 'object'
            ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner)]))
            : typeof value === 'string'
              ? xmlSafe(value)
              : value
  const content = Array.isArray(body) ? { [item]: clean(body) } : clean(body)
  // GeoReport v2 names text/xml and requires UTF-8 to be declared in the header as well.
  ctx.set('Content-Type', 'text/xml; charset=utf-8')
  ctx.body = `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: content }) as string}`
}

export function renderError(ctx: Context, format: Format, error: Open311Error) {
  ctx.status = error.status
  render(ctx, format, 'errors', 'error', [{ code: error.status, description: error.description }])
}
