import { apiPrefix, errorCatalog, type ErrorCode } from '@minqing/shared'
import { z } from 'zod'
import type { RouteSpec } from '../http/defineRoute'
import { jsonSchema, type JsonSchema } from './jsonSchema'
import { operationIdOf } from './operationId'
import { routeErrorCodes } from './routeErrors'

/** "/cases/:id/transitions" → "/cases/{id}/transitions" */
const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}')

function parameters(route: RouteSpec, components: Record<string, JsonSchema>, owner: string) {
  const list: JsonSchema[] = []
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return
    const object = jsonSchema(schema, 'input', components, owner) as {
      properties?: Record<string, JsonSchema>
      required?: string[]
    }
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        schema: property,
        ...(property.description ? { description: property.description } : {}),
      })
    }
  }
  add('path', route.params)
  add('query', route.query)
  // Path parameters the route declares without a schema still belong in the document.
  for (const match of route.path.matchAll(/:([A-Za-z_]+)/g)) {
    if (!list.some((parameter) => parameter.name === match[1] && parameter.in === 'path'))
      list.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } })
  }
  return list
}

/** The success answers: the declared status, plus 200 for an idempotent replay that answers 200. */
function successResponses(route: RouteSpec, components: Record<string, JsonSchema>, owner: string) {
  const contract = route.response
  const content =
    contract instanceof z.ZodType
      ? { 'application/json': { schema: jsonSchema(contract, 'output', components, owner) } }
      : Object.fromEntries(
          contract.produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
        )
  const description = contract instanceof z.ZodType ? 'Success' : contract.description
  const statuses = [route.status ?? 200, ...(route.replayStatus ? [route.replayStatus] : [])]
  return Object.fromEntries(statuses.map((status) => [String(status), { description, content }]))
}

/** One response per 4xx status the route can give, naming its codes (derived from the route table). */
function errorResponses(route: RouteSpec) {
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of routeErrorCodes(route)) {
    const { status } = errorCatalog[code]
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  return Object.fromEntries(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, codes]) => [
        String(status),
        {
          description: codes.map((code) => `${code}: ${errorCatalog[code].en}`).join('; '),
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ]),
  )
}

/**
 * The OpenAPI 3.1 document, generated from the route table: the same zod schemas that validate
 * requests and that tests check answers against describe them here, so the document cannot
 * drift from what the server accepts and answers.
 */
export function openApiDocument(routes: readonly RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  const components: Record<string, JsonSchema> = {}
  const tags = new Set<string>()
  for (const route of routes) {
    const path = openApiPath(route.path)
    const operationId = route.operationId ?? operationIdOf(route)
    const tag = route.path.split('/')[1] ?? 'api'
    tags.add(tag)
    paths[path] ??= {}
    paths[path][route.method] = {
      operationId,
      summary: route.summary,
      tags: [tag],
      ...(route.access === 'public'
        ? { security: [] }
        : { 'x-roles': route.access, security: [{ bearerAuth: [] }] }),
      parameters: parameters(route, components, operationId),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: jsonSchema(route.body, 'input', components, operationId) },
              },
            },
          }
        : {}),
      responses: {
        ...successResponses(route, components, operationId),
        ...errorResponses(route),
        default: {
          description: 'An unexpected error (500) or the database being unavailable (503)',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Minqing API / 民情通接口',
      version,
      description:
        'Grassroots visits and public feedback. Errors are `{ error: { code, message (中文), messageEn, issues? } }`.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: apiPrefix }],
    tags: [...tags].sort().map((name) => ({ name, description: `Routes under /${name}` })),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        ...components,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'messageEn'],
              properties: {
                code: { type: 'string', enum: Object.keys(errorCatalog) },
                message: { type: 'string' },
                messageEn: { type: 'string' },
                issues: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      path: { type: 'string' },
                      code: { type: 'string' },
                      message: { type: 'string' },
                    },
                  },
                },
                details: { type: 'object' },
              },
            },
          },
        },
      },
    },
  }
}
