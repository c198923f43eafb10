import { randomBytes } from 'node:crypto'
import mongoose from 'mongoose'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { apiLogin, startServer, type RunningServer } from '../support/server'

const servers: RunningServer[] = []
afterAll(async () => {
  for (const server of servers) await server.stop()
})

describe('two server instances on one database', () => {
  it('run each scheduled job once per tick: an overdue case is marked and announced once', async () => {
    const env = { JWT_SECRET: randomBytes(32).toString('hex'), SUPERVISE_EVERY_MS: '300' }
    const first = await startServer(inject('mongoUri'), env)
    servers.push(first)
    const second = await startServer(first.mongoUri, env, { sameDatabase: true })
    servers.push(second)
    const login = await apiLogin(first.baseUrl, '13800000005')
    const submitted = (await fetch(`${second.baseUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', Authorization: `Bearer ${login.accessToken}` },
      body: JSON.stringify({
        clientId: 'two-schedulers-1',
        kind: 'help',
        categoryCode: 'culture.library',
        title: '书屋不开门',
        description: '书屋两个月没开门了。',
      }),
    }).then((response) => response.json())) as { id: string }

    const connection = await mongoose.createConnection(first.mongoUri).asPromise()
    try {
      const db = connection.db!
      // The sign-for deadline passed an hour ago.
      const past = new Date(Date.now() - 3600_000)
      await db
        .collection('cases')
        .updateOne(
          { _id: new mongoose.Types.ObjectId(submitted.id) },
          { $set: { 'deadlines.acceptBy': past, 'deadlines.dueAt': past } },
        )
      const started = Date.now()
      const overdueEvents = () =>
        db
          .collection('caseevents')
          .countDocuments({ caseId: new mongoose.Types.ObjectId(submitted.id), action: 'overdue' })
      while ((await overdueEvents()) === 0 && Date.now() - started < 15_000)
        await new Promise((r) => setTimeout(r, 100))
      await new Promise((resolve) => setTimeout(resolve, 2_000)) // several more ticks of both instances
      expect(await overdueEvents()).toBe(1)
      expect(
        await db
          .collection('notifications')
          .countDocuments({ caseId: new mongoose.Types.ObjectId(submitted.id), action: 'overdue' }),
      ).toBeGreaterThan(0)
      const perUser = await db
        .collection('notifications')
        .find({ caseId: new mongoose.Types.ObjectId(submitted.id), action: 'overdue' })
        .toArray()
      expect(new Set(perUser.map((item) => String(item.userId))).size).toBe(perUser.length) // nobody told twice
      // One row per tick by construction (the claim); which instance wins each tick is timing, so
      // it is not asserted. The proof of "once" is the single event and notification above.
      const runs = await db.collection('job_runs').find({ job: 'superviseDeadlines' }).toArray()
      expect(runs.length).toBeGreaterThan(3)
      // The latest tick may still be running; none may have failed.
      expect(runs.filter((run) => run.error).map((run) => run.error)).toEqual([])
    } finally {
      await connection.close()
    }
  }, 120_000)
})
