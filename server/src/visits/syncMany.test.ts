import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { VisitModel, VisitRevisionModel } from './visit.model'

const visit = (n: number) => ({
  clientId: `field-${String(n).padStart(5, '0')}-visit`,
  visitedAt: new Date(Date.parse('2026-03-02T09:00:00+08:00') + n * 60_000).toISOString(),
  household: { name: `住户${n}`, address: `幸福村${n % 40}组${n}号`, tags: n % 7 === 0 ? ['needy'] : [] },
  purposes: ['visiting'],
  notes: `第${n}户：${'情况良好，'.repeat(n % 5)}`,
})

/**
 * Posts a batch over a real socket and drops the connection once the server has done the work but
 * before its answer leaves (`workDone`, signalled by the test's outermost middleware), as a phone
 * losing signal. No fixed wait: a timed cut may come after the answer on a fast database and cut
 * nothing, or before the body arrived on a slow one.
 */
async function cutOff(
  port: number,
  auth: string,
  visits: unknown[],
  workDone: Promise<void>,
): Promise<boolean> {
  let answered = false
  const body = JSON.stringify({ visits })
  await new Promise<void>((resolve) => {
    const request = http.request({
      port,
      path: '/api/v1/visits/sync',
      method: 'POST',
      headers: {
        Authorization: auth,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'X-Test-Cut': '1',
      },
    })
    request.on('error', () => resolve())
    request.on('close', () => resolve())
    request.on('response', () => {
      answered = true
      resolve()
    })
    request.end(body)
    void workDone.then(() => request.destroy())
  })
  return answered
}

describe('syncing 500 visits from the field', () => {
  it('a batch sent twice and a batch whose answer is lost still give exactly 500 visits', async () => {
    const { app, request } = testApp({ clock: manualClock(new Date('2026-03-20T12:00:00+08:00')) })
    const unit = await buildUnit({ level: 'community' })
    const user = await buildUser({ role: 'staff', unitId: unit.id })
    const auth = `Bearer ${(await loginAs(request, user)).accessToken}`
    const visits = Array.from({ length: 500 }, (_, n) => visit(n))
    const batches = [visits.slice(0, 200), visits.slice(200, 400), visits.slice(400)]
    const send = (batch: unknown[]) =>
      request.post('/api/v1/visits/sync').set('Authorization', auth).send({ visits: batch })
    const statuses = (answer: { body: { results: Array<{ status: string }> } }) =>
      answer.body.results.map((result) => result.status)

    expect(new Set(statuses(await send(batches[0]!)))).toEqual(new Set(['created']))
    expect(new Set(statuses(await send(batches[0]!)))).toEqual(new Set(['duplicate']))

    // The outermost middleware holds the cut request's answer until the client has hung up.
    let workDone!: () => void
    const done = new Promise<void>((resolve) => (workDone = resolve))
    app.middleware.unshift(async (ctx, next) => {
      await next()
      if (ctx.get('X-Test-Cut')) {
        workDone()
        await new Promise((resolve) => ctx.req.socket.once('close', resolve))
      }
    })
    const server = app.listen(0)
    try {
      const answered = await cutOff((server.address() as AddressInfo).port, auth, batches[1]!, done)
      expect(answered).toBe(false) // the phone never saw the answer
      // The phone does not know how far the cut batch got: it resends all of it. The server had
      // finished the dropped copy's work before the cut (workDone), so nothing is still moving.
      const resent = statuses(await send(batches[1]!))
      expect(resent).toHaveLength(200)
      expect(resent.every((status) => status === 'created' || status === 'duplicate')).toBe(true)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
    expect(new Set(statuses(await send(batches[2]!)))).toEqual(new Set(['created']))

    expect(await VisitModel.countDocuments({ createdBy: user._id })).toBe(500)
    const stored = await VisitModel.find({ createdBy: user._id }, { clientId: 1 })
    expect(new Set(stored.map((record) => record.clientId))).toEqual(
      new Set(visits.map((item) => item.clientId)),
    )
    expect(
      await VisitRevisionModel.countDocuments({ visitId: { $in: stored.map((record) => record._id) } }),
    ).toBe(500)
    for (const batch of batches) expect(new Set(statuses(await send(batch)))).toEqual(new Set(['duplicate']))
  })
})
