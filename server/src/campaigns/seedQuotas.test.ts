import { describe, expect, it } from 'vitest'
import { caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { NotificationModel } from '../notifications/notification.model'
import { CaseModel } from '../cases/case.model'
import { warnDutyGaps } from './dutyCoverage'

type Request = ReturnType<typeof testApp>['request']

async function session(request: Request, props: Parameters<typeof buildUser>[0]) {
  const user = await buildUser(props)
  const tokens = await loginAs(request, user)
  return { user, id: String(user._id), auth: { Authorization: `Bearer ${tokens.accessToken}` } }
}

let serial = 0
const clientId = (prefix: string) => `${prefix}-${++serial}-seedquota`

/** A campaign over March 2026 for the street; "today" is Friday 13 March, 12:00 China time. */
async function world() {
  const clock = manualClock(new Date('2026-03-13T12:00:00+08:00'))
  const { request, deps } = testApp({ clock })
  const cases = await caseWorld(request)
  const community = await buildUnit({ level: 'community', parentId: cases.street.id, name: '和睦社区' })
  const bureauLeader = await session(request, {
    role: 'leader',
    unitId: cases.street.id,
    positionLevel: 'bureauLeader',
    name: '街道王主任',
  })
  const cadre = await session(request, {
    role: 'staff',
    unitId: community.id,
    positionLevel: 'cadre',
    name: '网格员小刘',
  })
  const created = await request
    .post('/api/v1/campaigns')
    .set(cases.admin.auth)
    .send({
      name: `2026年3月大走访 ${++serial}`,
      startsOn: '2026-03-02',
      endsOn: '2026-03-31',
      unitIds: [cases.street.id],
    })
  expect(created.status).toBe(201)
  return {
    clock,
    request,
    deps,
    cases,
    community,
    bureauLeader,
    cadre,
    campaignId: created.body.id as string,
    campaignName: created.body.name as string,
  }
}

describe('campaigns as seed 004 measures them', () => {
  it('counts every quota from the records that prove it: visits, receptions, problems, talks, exchanges', async () => {
    const { request, cases, bureauLeader, cadre, campaignId } = await world()
    const problem = {
      categoryCode: 'culture.library',
      title: '书屋不开门',
      description: '社区书屋两个月没有开门了',
    }
    const household = (name: string, address: string) => ({ name, address, tags: [] })
    const visits = await request
      .post('/api/v1/visits/sync')
      .set(cadre.auth)
      .send({
        visits: [
          {
            clientId: clientId('visit'),
            campaignId,
            visitedAt: '2026-03-03T09:00:00+08:00',
            household: household('赵大爷', '和睦小区1栋101'),
            purposes: ['visiting'],
            problems: [problem],
          },
          {
            clientId: clientId('visit'),
            campaignId,
            visitedAt: '2026-03-05T09:00:00+08:00',
            household: household('钱阿姨', '和睦小区2栋202'),
            purposes: ['visiting'],
          },
        ],
      })
    expect(visits.body.results.map((r: { status: string }) => r.status)).toEqual(['created', 'created'])
    const reception = await request
      .post('/api/v1/receptions')
      .set(bureauLeader.auth)
      .send({
        clientId: clientId('reception'),
        receivedAt: '2026-03-09T10:00:00+08:00',
        visitor: { name: '孙先生' },
        requests: [
          { categoryCode: 'culture.library', title: '图书馆周末开放', description: '希望图书馆周末也开放' },
        ],
      })
    expect(reception.status).toBe(201)
    const talk = {
      clientId: clientId('talk'),
      kind: 'talk',
      heldOn: '2026-03-10',
      unitId: cases.street.id,
      attendees: 60,
      opinionsCollected: 4,
      summary: '政策宣讲：医保缴费',
    }
    const first = await request
      .post(`/api/v1/campaigns/${campaignId}/activities`)
      .set(bureauLeader.auth)
      .send(talk)
    expect(first.status).toBe(201)
    // A retry after a dropped connection finds the first record, it does not add a second talk.
    const retry = await request
      .post(`/api/v1/campaigns/${campaignId}/activities`)
      .set(bureauLeader.auth)
      .send(talk)
    expect(retry.status).toBe(200)
    expect(retry.body.id).toBe(first.body.id)
    await request
      .post(`/api/v1/campaigns/${campaignId}/activities`)
      .set(bureauLeader.auth)
      .send({
        ...talk,
        clientId: clientId('exchange'),
        kind: 'onlineExchange',
        summary: '线上交流：网格群答疑，群主李明电话13987654321，身份证110101198001011234',
      })
    // The list goes to every participating unit: what a cadre typed about a person is stripped.
    const listed = await request.get(`/api/v1/campaigns/${campaignId}/activities`).set(cadre.auth)
    expect(listed.status).toBe(200)
    const exchange = listed.body.activities.find((a: { kind: string }) => a.kind === 'onlineExchange')
    expect(exchange.summary).toContain('线上交流')
    expect(exchange.summary).not.toContain('13987654321')
    expect(exchange.summary).not.toContain('110101198001011234')

    const progress = await request.get(`/api/v1/campaigns/${campaignId}/progress`).set(cases.admin.auth)
    expect(progress.status).toBe(200)
    const row = (id: string) => progress.body.rows.find((r: { userId: string }) => r.userId === id)
    expect(row(cadre.id)).toMatchObject({
      households: { done: 2, quota: 15 },
      researchDays: { done: 2, quota: 15 },
      problemsFound: { done: 1, quota: 1, met: true },
      receptions: { done: 0, quota: 0, met: true },
    })
    expect(row(bureauLeader.id)).toMatchObject({
      households: { done: 0, quota: 40 },
      researchDays: { done: 0, quota: 30 },
      receptions: { done: 1, quota: 6 },
      problemsFound: { done: 1 },
      talks: { done: 1, quota: 1, met: true },
      onlineExchanges: { done: 1, quota: 1, met: true },
    })
    // 13 March is ~37 % into March: 40 × 0.37 → 14 households expected, none done.
    expect(row(bureauLeader.id).behindOn).toEqual(
      expect.arrayContaining(['households', 'researchDays', 'receptions']),
    )
    expect(row(bureauLeader.id).behindOn).not.toContain('talks')
    // 每个单位每周至少接访1次: the week of 2 March had none (missed); the running week of 9 March has its one.
    expect(progress.body.units).toEqual([
      expect.objectContaining({
        unitId: cases.street.id,
        weeks: [
          { weekOf: '2026-03-02', receptions: 0, met: false },
          { weekOf: '2026-03-09', receptions: 1, met: true },
        ],
        missedWeeks: 1,
      }),
    ])
  })

  it('refuses an activity outside the period or for a unit that does not take part, and hides it from outsiders', async () => {
    const { request, cases, bureauLeader, campaignId } = await world()
    const outsider = await session(request, { role: 'staff', unitId: cases.culture.id })
    const base = {
      clientId: clientId('a'),
      kind: 'forum',
      heldOn: '2026-04-02',
      unitId: cases.street.id,
      summary: '座谈会',
    }
    const late = await request
      .post(`/api/v1/campaigns/${campaignId}/activities`)
      .set(bureauLeader.auth)
      .send(base)
    expect(late.status).toBe(400)
    expect(late.body.error.issues[0].path).toBe('heldOn')
    const foreign = await request
      .post(`/api/v1/campaigns/${campaignId}/activities`)
      .set(cases.admin.auth)
      .send({ ...base, heldOn: '2026-03-04', unitId: cases.culture.id })
    expect(foreign.status).toBe(400)
    expect(foreign.body.error.issues[0].path).toBe('unitId')
    const bad = await request
      .post(`/api/v1/campaigns/${campaignId}/activities`)
      .set(bureauLeader.auth)
      .send({ ...base, heldOn: '2026-03-04', kind: 'party' })
    expect(bad.status).toBe(400)
    expect((await request.get(`/api/v1/campaigns/${campaignId}/activities`).set(outsider.auth)).status).toBe(
      404,
    )
  })

  it('finds working days without a duty leader and warns the campaign office once per day', async () => {
    const { request, deps, cases, bureauLeader, campaignId, campaignName } = await world()
    const days = ['2026-03-16', '2026-03-17', '2026-03-19']
    const roster = await request
      .put('/api/v1/duty-roster')
      .set(cases.admin.auth)
      .send({
        unitId: cases.street.id,
        assignments: days.map((date) => ({ date, leaderId: bureauLeader.id })),
      })
    expect(roster.status).toBeLessThan(300)
    const coverage = await request.get(`/api/v1/campaigns/${campaignId}/duty-gaps`).set(cases.admin.auth)
    expect(coverage.status).toBe(200)
    const street = coverage.body.units.find((u: { unitId: string }) => u.unitId === cases.street.id)
    expect(street.upcoming.slice(0, 4)).toEqual(['2026-03-13', '2026-03-18', '2026-03-20', '2026-03-23'])
    expect(street.gaps).toContain('2026-03-02')
    expect(street.gaps).not.toContain('2026-03-14') // a Saturday
    // Other tests' campaigns share this database: count only this campaign's warnings.
    expect(await warnDutyGaps(deps)).toBeGreaterThanOrEqual(1)
    const warned = (await NotificationModel.find({ action: 'dutyGap' })).filter((n) =>
      n.body.startsWith(`${campaignName}：`),
    )
    expect(warned).toHaveLength(1)
    expect(warned[0]!.body).toContain('2026-03-18')
    expect(String(warned[0]!.userId)).toBe(String(cases.admin.user._id))
    // The next hourly run has nothing new to say.
    expect(await warnDutyGaps(deps)).toBe(0)
  })

  it('reports 出动人次, 走访户数, 座谈会, 收集意见建议, 解决问题 and 办实事好事 per unit from the records', async () => {
    const { request, cases, community, bureauLeader, cadre, campaignId } = await world()
    const problem = {
      categoryCode: 'culture.library',
      title: '书屋不开门',
      description: '社区书屋两个月没有开门了',
    }
    const synced = await request
      .post('/api/v1/visits/sync')
      .set(cadre.auth)
      .send({
        visits: [
          {
            clientId: clientId('visit'),
            campaignId,
            visitedAt: '2026-03-03T09:00:00+08:00',
            companions: [bureauLeader.id],
            household: { name: '赵大爷', address: '和睦小区1栋101', tags: [] },
            purposes: ['visiting'],
            problems: [problem],
          },
          {
            clientId: clientId('visit'),
            campaignId,
            visitedAt: '2026-03-04T09:00:00+08:00',
            household: { name: '赵大爷', address: '和睦小区1栋101', tags: [] },
            purposes: ['visiting'],
          },
        ],
      })
    expect(synced.status).toBe(200)
    // The problem raised on the first visit is solved.
    const raised = await CaseModel.findOne({ originId: synced.body.results[0].id })
    await CaseModel.updateOne({ _id: raised!._id }, { $set: { status: 'closed' } })
    for (const [kind, opinions] of [
      ['forum', 5],
      ['goodDeed', 0],
    ] as const) {
      const saved = await request
        .post(`/api/v1/campaigns/${campaignId}/activities`)
        .set(cadre.auth)
        .send({
          clientId: clientId(kind),
          kind,
          heldOn: '2026-03-06',
          unitId: community.id,
          opinionsCollected: opinions,
          summary: `${kind} 记录`,
        })
      expect(saved.status).toBe(201)
    }
    const report = await request.get(`/api/v1/campaigns/${campaignId}/report`).set(cases.admin.auth)
    expect(report.status).toBe(200)
    const figures = { turnouts: 5, households: 1, forums: 1, talks: 0, opinions: 6, solved: 1, goodDeeds: 1 }
    expect(report.body.total).toEqual(figures)
    expect(report.body.units).toEqual([{ unitId: cases.street.id, name: cases.street.name, ...figures }])
    expect((await request.get(`/api/v1/campaigns/${campaignId}/report`).set(cadre.auth)).status).toBe(403)
  })
})

describe('当场解决 at a reception', () => {
  it('records a problem solved on the spot with what was done, counted as found and solved, with no case', async () => {
    const { request, cases, bureauLeader, campaignId } = await world()
    const base = { receivedAt: '2026-03-11T10:00:00+08:00', visitor: { name: '周大妈' } }
    const solved = {
      categoryCode: 'culture.library',
      title: '借书证补办',
      resolution: '现场为其补办了借书证',
    }
    const empty = await request
      .post('/api/v1/receptions')
      .set(bureauLeader.auth)
      .send({ ...base, clientId: clientId('onsite') })
    expect(empty.status).toBe(400)
    expect(empty.body.error.issues[0].path).toBe('requests')
    const vague = await request
      .post('/api/v1/receptions')
      .set(bureauLeader.auth)
      .send({ ...base, clientId: clientId('onsite'), solvedOnSite: [{ ...solved, resolution: '' }] })
    expect(vague.status).toBe(400)
    expect(vague.body.error.issues[0].path).toBe('solvedOnSite.0.resolution')
    const saved = await request
      .post('/api/v1/receptions')
      .set(bureauLeader.auth)
      .send({ ...base, clientId: clientId('onsite'), solvedOnSite: [solved] })
    expect(saved.status).toBe(201)
    expect(saved.body.cases).toEqual([])
    const progress = await request.get(`/api/v1/campaigns/${campaignId}/progress`).set(cases.admin.auth)
    const row = progress.body.rows.find((r: { userId: string }) => r.userId === bureauLeader.id)
    expect(row).toMatchObject({
      receptions: { done: 1 },
      problemsFound: { done: 1 },
      problemsResolved: { done: 1 },
    })
    const report = await request.get(`/api/v1/campaigns/${campaignId}/report`).set(cases.admin.auth)
    expect(report.body.total).toMatchObject({ opinions: 1, solved: 1 })
    const listed = await request.get('/api/v1/receptions').set(bureauLeader.auth)
    expect(listed.body.items[0].solvedOnSite).toEqual([solved])
  })
})

describe('the duty roster as a public notice', () => {
  it('shows the next 14 days to anyone, with the duty leader and place only', async () => {
    const { request, cases, bureauLeader } = await world()
    await request
      .put('/api/v1/duty-roster')
      .set(cases.admin.auth)
      .send({
        unitId: cases.street.id,
        assignments: [
          { date: '2026-03-16', leaderId: bureauLeader.id, place: '街道便民服务中心' },
          { date: '2026-04-20', leaderId: bureauLeader.id, place: '街道便民服务中心' },
        ],
      })
    const notice = await request.get(`/api/v1/public/duty-roster?unitId=${cases.street.id}`)
    expect(notice.status).toBe(200)
    expect(notice.body).toEqual({
      unitName: cases.street.name,
      days: [{ date: '2026-03-16', leaderName: '街道王主任', place: '街道便民服务中心' }],
    })
    expect((await request.get('/api/v1/public/duty-roster?unitId=nope')).status).toBe(400)
  })
})
