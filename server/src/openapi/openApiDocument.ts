import { apiPrefix, errorCatalog } from '@minqing/shared'
import { z } from 'zod'
import type { RouteSpec } from '../http/defineRoute'

type JsonSchema = Record<string, unknown>

/** zod → JSON Schema (2020-12, what OpenAPI 3.1 uses); transforms are described by their input. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema
  return rest
}

/** "/cases/:id/transitions" → "/cases/{id}/transitions" */
const openApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}')

function parameters(route: RouteSpec) {
  const list: JsonSchema[] = []
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return
    const object = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] }
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

/**
 * The OpenAPI 3.1 document, generated from the route table: the same zod schemas that validate
 * requests describe them here, so the document cannot drift from what the server accepts.
 */
export function openApiDocument(routes: readonly RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of routes) {
    const path = openApiPath(route.path)
    const errorCodes = Object.keys(errorCatalog)
    paths[path] ??= {}
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.path.split('/')[1] ?? 'api'],
      ...(route.access === 'public'
        ? { security: [] }
        : { 'x-roles': route.access, security: [{ bearerAuth: [] }] }),
      parameters: parameters(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body) } },
            },
          }
        : {}),
      responses: {
        [String(route.status ?? 200)]: { description: 'Success' },
        default: {
          description: `An error: one of ${errorCodes.length} codes (see components.schemas.Error)`,
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
    },
    servers: [{ url: apiPrefix }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
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
