import { apiPrefix } from '@minqing/shared'
import type { Context, Next } from 'koa'
import { appendFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { RouteSpec } from '../src/http/defineRoute'
import { routeTable } from '../src/routes'

/** Answers that broke their route's contract since the last check (issue 12). */
const violations: string[] = []

const specsByPattern = new Map<string, RouteSpec>(
  routeTable.map((spec) => [`${spec.method.toUpperCase()} ${apiPrefix}${spec.path}`, spec]),
)

/** The route a request was answered by, from the pattern @koa/router matched (not the raw path). */
function matchedSpec(ctx: Context): RouteSpec | undefined {
  const pattern = (ctx as { _matchedRoute?: string })._matchedRoute
  return pattern ? specsByPattern.get(`${ctx.method} ${pattern}`) : undefined
}

function isJsonBody(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false
  if (Buffer.isBuffer(body) || typeof (body as { pipe?: unknown }).pipe === 'function') return false
  return true
}

/**
 * Koa middleware for the test app: every successful JSON answer of an API route is parsed, in its
 * wire form, against the route's declared response schema; a mismatch is recorded with the route
 * and zod's issues, and `takeContractViolations` fails the test that caused it.
 */
export async function checkResponseContract(ctx: Context, next: Next) {
  await next()
  if (ctx.status < 200 || ctx.status >= 300) return
  const spec = matchedSpec(ctx)
  if (!spec) return
  const route = `${spec.method.toUpperCase()} ${spec.path}`
  const contract = spec.response
  if (process.env.RECORD_RESPONSES && isJsonBody(ctx.body))
    appendFileSync(
      path.join(process.env.RECORD_RESPONSES, 'samples.jsonl'),
      JSON.stringify({ route, body: ctx.body }) + '\n',
    )
  if (!contract) {
    violations.push(`${route} declares no response schema`)
    return
  }
  if (!(contract instanceof z.ZodType)) {
    if (isJsonBody(ctx.body))
      violations.push(`${route} declares ${contract.produces.join(', ')} but answered JSON`)
    return
  }
  if (!isJsonBody(ctx.body)) {
    violations.push(`${route} declares a JSON response but answered ${ctx.type || 'no body'}`)
    return
  }
  const wire: unknown = JSON.parse(JSON.stringify(ctx.body))
  const result = contract.safeParse(wire)
  if (!result.success)
    violations.push(
      `${route} answered ${ctx.status} against its response schema:\n${z.prettifyError(result.error)}`,
    )
}

/** The violations seen so far, cleared; the test app's afterEach fails the test when any. */
export function takeContractViolations(): string[] {
  return violations.splice(0, violations.length)
}
