import fc from 'fast-check'
import mongoose from 'mongoose'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ContactViewModel } from '../../server/src/audit/contactView.model'
import { CaseModel } from '../../server/src/cases/case.model'
import { CampaignModel } from '../../server/src/campaigns/campaign.model'
import { PairModel } from '../../server/src/pairs/pair.model'
import { ReceptionModel } from '../../server/src/reception/reception.model'
import { routeTable } from '../../server/src/routes'
import { UnitModel } from '../../server/src/units/unit.model'
import { UserModel } from '../../server/src/users/user.model'
import { VisitModel } from '../../server/src/visits/visit.model'
import { apiLogin, startServer, type RunningServer } from '../support/server'

let server: RunningServer
const tokens: string[] = []
/** Ids that exist (seeded cases, an attached photo), so record-level checks are reached too. */
const fixtureIds: string[] = []
let guestToken = ''
let photoId = ''

const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

/** The few answer fields the fixtures read. */
interface ApiBody {
  id: string
  view?: string
  items: Array<{ id: string; publicConsent: boolean; anonymous: boolean }>
}

async function api(path: string, token: string, init: RequestInit = {}) {
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
  })
  return { status: response.status, body: (await response.json().catch(() => ({}))) as ApiBody }
}

beforeAll(async () => {
  server = await startServer(inject('mongoUri'))
  for (const phone of ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005']) {
    tokens.push((await apiLogin(server.baseUrl, phone)).accessToken)
  }
  const [admin, , , , resident] = tokens as [string, string, string, string, string]
  // A guest who follows the seeded public case: a follower among the fuzzed callers.
  const guest = await fetch(`${server.baseUrl}/api/v1/auth/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: 'fuzz-guest-device-000000001' }),
  })
  guestToken = ((await guest.json()) as { accessToken: string }).accessToken
  tokens.push(guestToken)
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(tinyPng)], { type: 'image/png' }), 'x.png')
  photoId = (await api('/files', resident, { method: 'POST', body: form })).body.id
  const filed = await api('/cases', resident, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: 'fuzz-photo-case-1',
      kind: 'suggestion',
      categoryCode: 'culture.library',
      title: '农家书屋不开门',
      description: '村里的农家书屋已经两个月没有开门了。',
      photos: [photoId],
    }),
  })
  expect(filed.status).toBe(201)
  const cases = (await api('/cases?pageSize=100', admin)).body.items
  const open = cases.find((item) => item.publicConsent && !item.anonymous)
  if (open) await api(`/cases/${open.id}/follow`, guestToken, { method: 'POST' })
  fixtureIds.push(...cases.map((item) => item.id), photoId)
})

afterAll(async () => {
  await server?.stop()
})

/** Values that have broken servers: operators, prototype keys, huge and malformed strings, odd numbers. */
const nasty = fc.oneof(
  fc.constantFrom(
    { $gt: '' },
    { $ne: null },
    { $where: 'sleep(1000)' },
    { __proto__: { admin: true } },
    { constructor: { prototype: { x: 1 } } },
    '$gt',
    '\u0000',
    '\ud800',
    'a'.repeat(100_000),
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '2026-02-30T25:61:00+08:00',
    '0123456789abcdef01234567',
    [],
    [[[[]]]],
    null,
    true,
  ),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer(),
  fc.double(),
)
const value = fc.oneof(nasty, fc.anything({ maxDepth: 3, withObjectString: true }))

/** Bodies shaped like what each route expects (its schema's field names) with nasty values, or anything at all. */
function bodyFor(route: (typeof routeTable)[number]) {
  const shape = (route.body as { shape?: Record<string, unknown> } | undefined)?.shape
  const keys = shape ? Object.keys(shape) : ['id', 'name', 'clientId']
  return fc.oneof(
    fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }),
    fc.anything({ maxDepth: 4 }),
    fc.constant({ visits: [{ clientId: { $gt: '' } }] }),
  )
}

const rawBody = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)), // invalid UTF-8 and JSON
  fc.constant(Buffer.from('{"a":')),
  fc.constant(Buffer.from([0xff, 0xfe, 0x7b, 0x7d])),
)

describe('fuzzing every endpoint', () => {
  it('never answers 5xx, never crashes, never stores an invalid record', async () => {
    const failures: string[] = []
    let requests = 0
    const send = async (
      route: (typeof routeTable)[number],
      input: {
        path: Record<string, string>
        query: Record<string, string>
        body: unknown
        raw: Buffer | null
        token: number
        contentType: string
      },
    ) => {
      const path = route.path.replace(/:([A-Za-z_]+)/g, (_, name: string) =>
        encodeURIComponent(input.path[name] ?? 'x'),
      )
      const query = new URLSearchParams(input.query).toString()
      const headers: Record<string, string> = { 'content-type': input.contentType }
      if (input.token >= 0) headers.authorization = `Bearer ${tokens[input.token % tokens.length]}`
      else if (input.token === -2) headers.authorization = 'Bearer not.a.token'
      const hasBody = route.method !== 'get' && route.method !== 'delete'
      const response = await fetch(`${server.baseUrl}/api/v1${path}${query ? `?${query}` : ''}`, {
        method: route.method.toUpperCase(),
        headers,
        body: hasBody
          ? input.raw
            ? new Uint8Array(input.raw)
            : JSON.stringify(input.body ?? null)
          : undefined,
      })
      requests++
      await response.arrayBuffer()
      if (response.status >= 500) failures.push(`${route.method} ${route.path} → ${response.status}`)
    }
    for (const route of routeTable) {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            path: fc.dictionary(
              fc.constantFrom('id', 'name'),
              fc.oneof(
                fc.string({ maxLength: 30 }),
                fc.constant('0123456789abcdef01234567'),
                fc.constantFrom(...fixtureIds),
              ),
            ),
            query: fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }), { maxKeys: 4 }),
            body: bodyFor(route),
            raw: fc.option(rawBody, { freq: 4 }),
            token: fc.integer({ min: -2, max: 9 }),
            contentType: fc.constantFrom(
              'application/json',
              'application/json',
              'text/plain',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
            ),
          }),
          async (input) => {
            await send(route, input)
          },
        ),
        { numRuns: 40, seed: 20261123 },
      )
    }
    expect(failures).toEqual([])
    expect(requests).toBeGreaterThan(2000)
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200)

    // Whatever the fuzzing did, a guest never reads a case in full nor opens a photo by token.
    for (const id of fixtureIds) {
      const read = await api(`/cases/${id}`, guestToken)
      if (read.status === 200 && read.body.view !== 'public') failures.push(`guest reads case ${id} in full`)
    }
    if ((await api(`/files/${photoId}`, guestToken)).status !== 404) failures.push('guest opens a photo')

    // Whatever got stored passes the models' own validation.
    const connection = await mongoose.createConnection(server.mongoUri).asPromise()
    try {
      for (const model of [
        CaseModel,
        VisitModel,
        UserModel,
        UnitModel,
        CampaignModel,
        PairModel,
        ReceptionModel,
        ContactViewModel,
      ]) {
        const bound = connection.model(model.modelName, model.schema)
        for (const doc of await bound.find()) {
          const error = doc.validateSync()
          if (error) failures.push(`${model.modelName} ${String(doc._id)}: ${error.message}`)
        }
      }
    } finally {
      await connection.close()
    }
    expect(failures).toEqual([])
  }, 600_000)
})
