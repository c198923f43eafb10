import type Router from '@koa/router'
import { assertCityLevel } from '../tenants/tenantScope'
import { authenticate } from './authenticate'
import { parseRouteInput, type RouteSpec } from './defineRoute'

/** Mounts route specs: authenticate → authorize by role → validate → handle → answer. */
export function mountRoutes(router: Router, routes: readonly RouteSpec[]): void {
  for (const spec of routes) {
    router[spec.method](spec.path, async (ctx) => {
      const viewer = await authenticate(ctx, spec.access)
      ctx.state.viewer = viewer
      // City-wide configuration: a tenant (district) admin reads it but may not change it.
      if (spec.cityLevel && viewer) assertCityLevel(viewer)
      const input = parseRouteInput(ctx, spec)
      const result = await spec.handler(ctx, { ...input, viewer } as never)
      if (result !== undefined) {
        ctx.status = spec.status ?? 200
        ctx.body = result
      } else if (ctx.body === undefined) {
        ctx.status = 204
      }
    })
  }
}
