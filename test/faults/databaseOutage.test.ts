import { afterAll, describe, expect, it } from 'vitest'
import { ownDatabase } from '../support/database'
import { apiLogin, startServer, type RunningServer } from '../support/server'

let server: RunningServer | undefined
let database: Awaited<ReturnType<typeof ownDatabase>> | undefined

afterAll(async () => {
  await server?.stop()
  await database?.stop()
})

async function timed(url: string, init?: RequestInit) {
  const started = Date.now()
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) })
  const body = (await response.json().catch(() => null)) as { error?: { code: string } } | null
  return { status: response.status, code: body?.error?.code, ms: Date.now() - started }
}

describe('the database stops during traffic', () => {
  it('answers 503 DATABASE_UNAVAILABLE quickly while it is down and recovers by itself when it returns', async () => {
    database = await ownDatabase()
    await database.start()
    server = await startServer(database.uri, {}, { sameDatabase: true })
    const login = await apiLogin(server.baseUrl, '13800000005')
    const auth = { Authorization: `Bearer ${login.accessToken}` }
    expect((await timed(`${server.baseUrl}/api/v1/cases`, { headers: auth })).status).toBe(200)

    await database.stop()
    const during = await Promise.all([
      timed(`${server.baseUrl}/api/v1/cases`, { headers: auth }),
      timed(`${server.baseUrl}/api/v1/categories`, { headers: auth }),
      timed(`${server.baseUrl}/readyz`),
      timed(`${server.baseUrl}/api/v1/cases`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          clientId: 'outage-0001',
          kind: 'help',
          categoryCode: 'culture',
          title: '停电',
          description: '数据库停了也要答复',
        }),
      }),
    ])
    for (const answer of during) {
      expect(answer.status).toBe(503)
      expect(answer.code).toBe('DATABASE_UNAVAILABLE')
      expect(answer.ms).toBeLessThan(8_000)
    }
    expect((await timed(`${server.baseUrl}/healthz`)).status).toBe(200) // the process itself is fine

    await database.start()
    const deadline = Date.now() + 30_000
    let ready = 0
    while (Date.now() < deadline && ready !== 200) {
      ready = (await timed(`${server.baseUrl}/readyz`)).status
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(ready).toBe(200)
    expect((await timed(`${server.baseUrl}/api/v1/cases`, { headers: auth })).status).toBe(200)
  }, 120_000)
})
