import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from './case.model'

describe('concurrent submissions', () => {
  it('40 residents submitting at once all get a case with its own number, and the rollups count all 40', async () => {
    // FerretDB v1 runs $inc as read-then-write: a counter-based number sequence handed out
    // duplicates here (409s) and the rollups lost counts, found by the submit benchmark.
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({
      clock,
      env: { CASE_SUBMIT_PER_USER_HOUR: '1000', CASE_SUBMIT_PER_IP_HOUR: '1000' },
      // The submissions alone, at once: their follow-ups (first replies…) are not what is tested,
      // and the rollups are brought up to date by the stats read below.
      autoSettle: false,
    })
    const world = await caseWorld(request)
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        request.post('/api/v1/cases').set(world.resident.auth).send(caseBody()),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(201))
    const numbers = answers.map((answer) => answer.body.number as string)
    expect(new Set(numbers).size).toBe(40)
    expect(await CaseModel.countDocuments({ createdBy: world.resident.user._id })).toBe(40)
    // The numbers run without gaps within the day.
    const serials = numbers.map((number) => Number(number.split('-')[1])).sort((a, b) => a - b)
    expect(serials).toEqual(Array.from({ length: 40 }, (_, index) => serials[0]! + index))

    const rates = await request
      .get('/api/v1/stats/rates?from=2026-03-02&to=2026-03-02&groupBy=unit')
      .set(world.admin.auth)
    const culture = rates.body.rows.find((row: { key: string }) => row.key === world.culture.id)
    expect(culture.counts.received).toBe(40)
  })
})
