import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'
import { routeTable } from '../routes'
import { openApiDocument } from './openApiDocument'
import { routeKey, serviceErrorCodes } from './routeErrors'

describe('OpenAPI document', () => {
  it('lists every route of the table with its roles, parameters and request schema, and serves the docs page offline', async () => {
    const { request } = testApp()
    const answer = await request.get('/openapi.json')
    expect(answer.status).toBe(200)
    const document = answer.body as {
      openapi: string
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content: Record<string, { schema: { properties?: object } }> }
            parameters: Array<{ name: string; in: string }>
            security: unknown[]
            'x-roles'?: string[]
          }
        >
      >
    }
    expect(document.openapi).toBe('3.1.0')
    for (const route of routeTable) {
      const operation = document.paths[route.path.replace(/:([A-Za-z_]+)/g, '{$1}')]?.[route.method]
      expect(operation, `${route.method} ${route.path}`).toBeDefined()
      if (route.access !== 'public') expect(operation!['x-roles']).toEqual([...route.access])
      for (const match of route.path.matchAll(/:([A-Za-z_]+)/g))
        expect(operation!.parameters).toContainEqual(expect.objectContaining({ name: match[1], in: 'path' }))
      if (route.body) expect(operation!.requestBody).toBeDefined()
    }
    const submit = document.paths['/cases']!.post!.requestBody!.content['application/json']!.schema
    expect(Object.keys(submit.properties!)).toEqual(
      expect.arrayContaining(['clientId', 'kind', 'categoryCode']),
    )
    const sync = document.paths['/visits/sync']!.post!
    expect(sync.security).toEqual([{ bearerAuth: [] }])

    const docs = await request.get('/docs')
    expect(docs.text).toContain('/openapi.json')
    const bundle = await request.get('/docs/swagger-ui-bundle.js')
    expect(bundle.status).toBe(200)
    expect((await request.get('/docs/../../package.json')).status).toBe(404)
  })
})

type Operation = {
  operationId?: string
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: Record<string, unknown> }> }
  >
}

describe('OpenAPI contracts (issue 12)', () => {
  const document = openApiDocument(routeTable, 'test') as unknown as {
    paths: Record<string, Record<string, Operation>>
    components: { schemas: Record<string, unknown> }
  }
  const operations = routeTable.map((route) => ({
    route,
    name: `${route.method.toUpperCase()} ${route.path}`,
    operation: document.paths[route.path.replace(/:([A-Za-z_]+)/g, '{$1}')]![route.method]!,
  }))

  it('every route declares its response: a zod schema, or what it produces when that is not JSON', () => {
    const undeclared = routeTable
      .filter((route) => !(route as { response?: unknown }).response)
      .map((route) => `${route.method.toUpperCase()} ${route.path}`)
    expect(undeclared, 'routes without `response` (declare one in shared/<area>/responses.ts)').toEqual([])
  })

  it('documents each success answer with its schema and status, including 201 for a created case', () => {
    for (const { route, name, operation } of operations) {
      const success = operation.responses[String(route.status ?? 200)]
      expect(success, name).toBeDefined()
      const content = Object.entries(success!.content ?? {})
      expect(content.length, `${name} has no success content`).toBeGreaterThan(0)
      for (const [, media] of content) expect(Object.keys(media.schema).length, name).toBeGreaterThan(0)
    }
    const submit = document.paths['/cases']!.post!
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(['201', '200']))
    const created = submit.responses['201']!.content!['application/json']!.schema as {
      properties: Record<string, unknown>
      required: string[]
    }
    expect(created.required).toEqual(expect.arrayContaining(['id', 'number', 'status', 'allowedActions']))
    const login = document.paths['/auth/login']!.post!.responses['200']!.content!['application/json']!
      .schema as { properties: Record<string, unknown> }
    expect(Object.keys(login.properties)).toEqual(
      expect.arrayContaining(['accessToken', 'refreshToken', 'user']),
    )
    const ledger = document.paths['/exports/cases.{format}']!.get!.responses['200']!.content!
    expect(Object.keys(ledger)).toContain('text/csv')
  })

  it('gives every operation a unique operationId', () => {
    const ids = operations.map(({ operation }) => operation.operationId)
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id!))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(document.paths['/cases/{id}/transitions']!.post!.operationId).toBe('postCasesByIdTransitions')
  })

  it('lists the 4xx answers each route can give, derived from how it is called', () => {
    for (const { route, name, operation } of operations) {
      const statuses = Object.keys(operation.responses)
      if (route.body || route.query || route.params) expect(statuses, name).toContain('400')
      if (route.access !== 'public') expect(statuses, name).toEqual(expect.arrayContaining(['401', '403']))
      if (route.path.includes(':')) expect(statuses, name).toContain('404')
    }
    expect(Object.keys(document.paths['/auth/login']!.post!.responses)).toEqual(
      expect.arrayContaining(['401', '423', '429']),
    )
    expect(Object.keys(document.paths['/cases/{id}/transitions']!.post!.responses)).toContain('409')
    expect(document.paths['/cases/{id}/transitions']!.post!.responses['409']!.description).toContain(
      'INVALID_TRANSITION',
    )
  })

  it('names only real routes in the table of service error codes', () => {
    const keys = new Set(routeTable.map(routeKey))
    expect(Object.keys(serviceErrorCodes).filter((key) => !keys.has(key))).toEqual([])
  })

  it('moves recursive schemas to components, so every $ref resolves in the document', () => {
    const text = JSON.stringify(document)
    expect(text).not.toContain('#/$defs/')
    for (const match of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
      expect(document.components.schemas[match[1]!], match[1]).toBeDefined()
    expect(document.components.schemas.CategoryNode).toBeDefined()
  })
})
