import { authRoutes } from './auth/routes'
import type { RouteSpec } from './http/defineRoute'
import { unitRoutes } from './units/routes'
import { userRoutes } from './users/routes'

/**
 * Every API route, as data. The router, the OpenAPI document and the authorization-matrix test
 * are all generated from this one table, so a new route cannot be forgotten by any of them.
 */
export const routeTable: readonly RouteSpec[] = [...authRoutes, ...userRoutes, ...unitRoutes]
