import type { RouteSpec } from '../http/defineRoute'

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1)
const camel = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(capitalize)
    .join('')

/**
 * A stable operationId from the method and path: "post /cases/:id/transitions" →
 * "postCasesByIdTransitions". Stable as long as the route is, and unique because paths are.
 */
export function operationIdOf(route: Pick<RouteSpec, 'method' | 'path'>): string {
  const parts = route.path
    .split(/[/.]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `By${capitalize(part.slice(1))}` : camel(part)))
  return `${route.method}${parts.join('')}`
}
