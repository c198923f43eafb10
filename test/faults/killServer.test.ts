import { randomBytes } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { apiLogin, startServer, type RunningServer } from '../support/server'

const servers: RunningServer[] = []
afterAll(async () => {
  for (const server of servers) await server.stop()
})

const env = {
  JWT_SECRET: randomBytes(32).toString('hex'), // the same across the restart: sessions survive it
  CASE_SUBMIT_PER_USER_HOUR: '100000',
  CASE_SUBMIT_PER_IP_HOUR: '100000',
}

describe('kill -9 during a burst of writes', () => {
  it('after a restart every acknowledged write is there, and no retried write is doubled', async () => {
    const first = await startServer(inject('mongoUri'), env)
    servers.push(first)
    let baseUrl = first.baseUrl
    const login = async (phone: string) => (await apiLogin(baseUrl, phone)).accessToken
    const resident = await login('13800000005')
    const staff = await login('13800000004')

    /** A client that retries the same request (same client ids) until the server acknowledges it. */
    const acknowledged = new Set<string>()
    async function retryUntilAcknowledged(key: string, path: string, token: string, body: unknown) {
      for (;;) {
        try {
          const response = await fetch(`${baseUrl}${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(10_000),
          })
          if (response.ok) {
            const answer = (await response.json()) as { results?: Array<{ status: string }> }
            if (!answer.results || answer.results.every((result) => result.status !== 'error')) {
              acknowledged.add(key)
              return
            }
          }
        } catch {
          // connection refused or reset: the server is down, try again
        }
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }

    const cases = Array.from({ length: 60 }, (_, i) => ({
      clientId: `kill9-case-${String(i).padStart(3, '0')}`,
      kind: 'suggestion',
      categoryCode: 'culture.library',
      title: `书屋建议${i}`,
      description: `第${i}条：希望农家书屋延长开放时间。`,
    }))
    const batches = Array.from({ length: 10 }, (_, b) => ({
      visits: Array.from({ length: 20 }, (_, i) => ({
        clientId: `kill9-visit-${b}-${String(i).padStart(2, '0')}`,
        visitedAt: new Date(Date.now() - 86_400_000).toISOString(),
        household: { name: `户${b}-${i}`, address: `幸福村${b}组${i}号` },
        purposes: ['visiting'],
      })),
    }))
    const burst = Promise.all([
      ...cases.map((body) => retryUntilAcknowledged(body.clientId, '/api/v1/cases', resident, body)),
      ...batches.map((body, b) => retryUntilAcknowledged(`batch-${b}`, '/api/v1/visits/sync', staff, body)),
    ])
    // Kill once part of the burst is acknowledged and the rest is in flight.
    while (acknowledged.size < 10) await new Promise((resolve) => setTimeout(resolve, 20))
    await first.kill()
    const acknowledgedBeforeKill = acknowledged.size
    const second = await startServer(first.mongoUri, env, { sameDatabase: true })
    servers.push(second)
    baseUrl = second.baseUrl
    await burst
    expect(acknowledgedBeforeKill).toBeLessThan(70)
    expect(acknowledged.size).toBe(70)

    const connection = await mongoose.createConnection(first.mongoUri).asPromise()
    try {
      const db = connection.db!
      const stored = await db
        .collection('cases')
        .find({ clientId: { $in: cases.map((body) => body.clientId) } }, { projection: { clientId: 1 } })
        .toArray()
      expect(stored).toHaveLength(60)
      expect(new Set(stored.map((record) => record.clientId)).size).toBe(60)
      // Every case has its submit event, even one whose first attempt died between the two writes.
      const events = await db
        .collection('caseevents')
        .find({ caseId: { $in: stored.map((record) => record._id) }, seq: 1 })
        .toArray()
      expect(events).toHaveLength(60)
      const visits = await db.collection('visits').countDocuments({ clientId: { $regex: '^kill9-visit-' } })
      expect(visits).toBe(200)
    } finally {
      await connection.close()
    }
  }, 180_000)
})
