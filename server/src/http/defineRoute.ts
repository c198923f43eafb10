import { AppError, cleanInput, parseOrThrow, type Role } from '@minqing/shared'
import type { Context } from 'koa'
import type { z } from 'zod'

/** The roles a route admits, or 'public' for routes that need no login. */
export type Access = 'public' | readonly Role[]

/** A successful answer that is not JSON: its media types, for the OpenAPI document. */
export interface NonJsonResponse {
  produces: readonly string[]
  description: string
}

/** What a route answers on success: a zod schema of its JSON body, or a non-JSON description. */
export type ResponseContract = z.ZodType | NonJsonResponse

/** Declares a non-JSON answer (a stream, a file): `response: nonJson(['text/csv'], '…')`. */
export const nonJson = (produces: readonly string[], description: string): NonJsonResponse => ({
  produces,
  description,
})

/** Who is calling, from a verified access token. */
export interface Viewer {
  userId: string
  role: Role
  unitId: string | null
  /** The viewer's tenant (district); null or absent = city level (all tenants). See tenants/. */
  tenantId?: string | null
}

type Maybe<S> = S extends z.ZodType ? z.output<S> : undefined

export interface RouteInput<B, Q, P, A extends Access> {
  body: Maybe<B>
  query: Maybe<Q>
  params: Maybe<P>
  viewer: A extends 'public' ? Viewer | undefined : Viewer
}

export interface RouteSpec<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
  A extends Access = Access,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** Path below /api/v1, in @koa/router syntax ("/users/:id"). */
  path: string
  access: A
  summary: string
  body?: B
  query?: Q
  params?: P
  /** Status for a successful answer (default 200). */
  status?: number
  /** A second success status: an idempotent route answers 200 when it replays an earlier request. */
  replayStatus?: number
  /** The OpenAPI operationId; derived from method and path unless declared (keep it stable). */
  operationId?: string
  /**
   * The successful answer's body (issue 12): a zod schema kept in shared/<area>/responses.ts, which
   * documents the route in OpenAPI and against which the test app checks every real answer; or,
   * for answers that are not JSON (files, ledgers, images), what they are (`nonJson`).
   */
  response: ResponseContract
  /**
   * City-wide configuration or deployment maintenance: refused (403 CITY_LEVEL_ONLY) to an
   * admin of one tenant (district); see server/src/tenants/.
   */
  cityLevel?: true
  /** Returns the response body; return undefined when the handler has set ctx.body itself. */
  handler(ctx: Context, input: RouteInput<B, Q, P, A>): Promise<unknown> | unknown
}

/** Declares a route; exists only so TypeScript infers the input types from the schemas. */
export function defineRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  const A extends Access = Access,
>(spec: RouteSpec<B, Q, P, A>): RouteSpec {
  return spec as unknown as RouteSpec
}

/** Parses params, query and body against the route's schemas, collecting every issue. */
export function parseRouteInput(ctx: Context, spec: RouteSpec) {
  if (spec.body && ctx.request.length && !ctx.is('json')) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
  // Control characters are dropped before validation: see shared/src/text/controlCharacters.ts.
  const params = spec.params ? parseOrThrow(spec.params, ctx.params) : undefined
  const query = spec.query ? parseOrThrow(spec.query, cleanInput(ctx.query)) : undefined
  const body = spec.body ? parseOrThrow(spec.body, cleanInput(ctx.request.body ?? {})) : undefined
  return { params, query, body }
}
