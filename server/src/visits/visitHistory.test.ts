import { visitPageSchema } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { ensureDefaultCategories } from '../categories/categoryTree'
import { VisitModel } from './visit.model'

const visit = (n: number, overrides: Record<string, unknown> = {}) => ({
  clientId: `history-${String(n).padStart(6, '0')}-x`,
  // Five visits share each minute: the pages must still cut between equal times without loss.
  visitedAt: `2026-03-0${1 + Math.floor(n / 5)}T09:00:00+08:00`,
  household: { name: `住户${n}`, address: `幸福村${n}号`, phone: '13712345678', tags: [] },
  purposes: ['visiting'],
  notes: `第${n}户`,
  ...overrides,
})

async function staffSession(request: ReturnType<typeof testApp>['request']) {
  const unit = await buildUnit({ level: 'community' })
  const user = await buildUser({ role: 'staff', unitId: unit.id })
  const session = await loginAs(request, user)
  return { user, auth: { Authorization: `Bearer ${session.accessToken}` } }
}

describe('GET /visits (the visit history a new phone shows)', () => {
  it('pages through every visit newest first with a cursor, none twice, none lost, equal times included', async () => {
    const { request } = testApp({ clock: manualClock(new Date('2026-03-10T12:00:00+08:00')) })
    const staff = await staffSession(request)
    const sent = Array.from({ length: 23 }, (_, n) => visit(n))
    await request.post('/api/v1/visits/sync').set(staff.auth).send({ visits: sent })

    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const answer = await request
        .get('/api/v1/visits')
        .query({ limit: 7, ...(cursor ? { cursor } : {}) })
        .set(staff.auth)
      expect(answer.status).toBe(200)
      const page = visitPageSchema.parse(answer.body)
      expect(page.items.length).toBeLessThanOrEqual(7)
      seen.push(...page.items.map((item) => item.clientId))
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(pages).toBe(4)
    expect(seen).toHaveLength(23)
    expect(new Set(seen)).toEqual(new Set(sent.map((item) => item.clientId)))
    // Newest first: the visits of March 5th (n = 20..22) come before those of March 1st (n = 0..4).
    expect(seen.slice(0, 3).sort()).toEqual(sent.slice(20).map((item) => item.clientId))
    expect(seen.slice(-5).sort()).toEqual(sent.slice(0, 5).map((item) => item.clientId))
  })

  it('answers a forged cursor with a 400 naming the field, not a 500', async () => {
    const { request } = testApp()
    const staff = await staffSession(request)
    for (const cursor of ['garbage', '2026-13-45T99:00:00.000Z_0123456789abcdef01234567', 'x'.repeat(300)]) {
      const answer = await request.get('/api/v1/visits').query({ cursor }).set(staff.auth)
      expect(answer.status, cursor).toBe(400)
      expect(answer.body.error.code).toBe('VALIDATION_FAILED')
      expect(JSON.stringify(answer.body.error)).toContain('cursor')
    }
  })
})

describe('POST /visits/sync under retries', () => {
  it('the same batch sent by two overlapping retries gives one visit and one case per problem', async () => {
    const { request } = testApp({ clock: manualClock(new Date('2026-03-10T12:00:00+08:00')) })
    await ensureDefaultCategories()
    const staff = await staffSession(request)
    const withProblem = visit(1, {
      problems: [
        {
          kind: 'help',
          categoryCode: 'culture.library',
          title: '书屋不开',
          description: '农家书屋常年锁门。',
        },
      ],
    })
    const send = () =>
      request
        .post('/api/v1/visits/sync')
        .set(staff.auth)
        .send({ visits: [withProblem] })
    const answers = await Promise.all([send(), send(), send()])
    const statuses = answers.map((answer) => answer.body.results[0].status).sort()
    expect(statuses.filter((status) => status === 'created')).toHaveLength(1)
    expect(statuses.filter((status) => status === 'duplicate')).toHaveLength(2)
    expect(new Set(answers.map((answer) => answer.body.results[0].id)).size).toBe(1)
    const stored = await VisitModel.find({ createdBy: staff.user._id })
    expect(stored).toHaveLength(1)
    expect(stored[0]!.problemCaseIds ?? []).toHaveLength(1)
    expect(await CaseModel.countDocuments({ _id: { $in: stored[0]!.problemCaseIds ?? [] } })).toBe(1)
  })
})
