import { apiPrefix } from '@minqing/shared'
import type { Context } from 'koa'
import { describe, expect, it } from 'vitest'
import { checkResponseContract, takeContractViolations } from './responseContract'
import { testApp } from './testApp'

/** A finished request as the router leaves it: matched pattern, status and body. */
function answered(method: string, pattern: string, body: unknown, status = 200) {
  return {
    method,
    _matchedRoute: `${apiPrefix}${pattern}`,
    status,
    body,
    type: 'application/json',
  } as unknown as Context
}

describe('response contract check of the test app (issue 12)', () => {
  it('passes a real answer that matches its schema', async () => {
    const { request } = testApp()
    const answer = await request.get('/api/v1/categories')
    expect(answer.status).toBe(200)
    expect(takeContractViolations()).toEqual([])
  })

  it('reports a missing field, a mistyped one and an undeclared one, naming the route', async () => {
    const unit = {
      id: 'u1',
      name: '文旅局',
      level: 'department',
      parentId: null,
      path: [],
      hasArea: false,
      disabled: false,
      tenantId: '000000000000000000000001',
    }
    await checkResponseContract(
      answered('GET', '/units', { units: [{ ...unit, hasArea: 'no' }] }),
      async () => {},
    )
    await checkResponseContract(
      answered('GET', '/units', { units: [{ ...unit, name: undefined }] }),
      async () => {},
    )
    await checkResponseContract(
      answered('GET', '/units', { units: [{ ...unit, phone: '13800000000' }] }),
      async () => {},
    )
    await checkResponseContract(answered('GET', '/units', { units: [unit] }), async () => {})
    const violations = takeContractViolations()
    expect(violations).toHaveLength(3)
    expect(
      violations.every((text) => text.startsWith('GET /units answered 200 against its response schema')),
    ).toBe(true)
    expect(violations[0]).toContain('hasArea')
    expect(violations[1]).toContain('name')
    expect(violations[2]).toContain('phone')
  })

  it('checks only successes, and reports JSON from a route that declared a file', async () => {
    await checkResponseContract(
      answered('GET', '/units', { error: { code: 'FORBIDDEN' } }, 403),
      async () => {},
    )
    await checkResponseContract(answered('GET', '/files/:id', { id: 'x' }), async () => {})
    expect(takeContractViolations()).toEqual([
      'GET /files/:id declares image/jpeg, image/png, image/webp but answered JSON',
    ])
  })
})
