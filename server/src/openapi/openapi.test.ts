import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'
import { routeTable } from '../routes'

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
