import { RectificationEventModel } from './rectification.model'
import { rectificationListDetailSchema, rectificationReportSchema } from '@minqing/shared'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const binary = (response: unknown, callback: (error: Error | null, body: unknown) => void) => {
  const stream = response as NodeJS.ReadableStream
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  stream.on('end', () => callback(null, Buffer.concat(chunks)))
}

type Request = ReturnType<typeof testApp>['request']

async function world(request: Request) {
  const district = await buildUnit({ level: 'district' })
  const lead = await buildUnit({ level: 'department', parentId: district.id, name: '住建局' })
  const other = await buildUnit({ level: 'department', parentId: district.id, name: '文旅局' })
  const person = async (role: 'leader' | 'handler' | 'staff', unitId: string, name: string) => {
    const user = await buildUser({ role, unitId, name })
    return {
      user,
      id: String(user._id),
      login: async () => ({ Authorization: `Bearer ${(await loginAs(request, user)).accessToken}` }),
    }
  }
  return {
    district,
    lead,
    other,
    owner: await person('leader', district.id, '区委书记'),
    responsible: await person('leader', lead.id, '王副局长'),
    worker: await person('handler', lead.id, '住建局干部'),
    outsider: await person('handler', other.id, '文旅局干部'),
  }
}

const problem = (w: Awaited<ReturnType<typeof world>>, description: string, deadline: string) => ({
  description,
  responsibleLeaderId: w.responsible.id,
  leadUnitId: w.lead.id,
  measures: '制定整改方案，逐户排查',
  target: '问题全部清零',
  deadline,
})

// Generous time: these tests share two cores with five other engineers' runs.
describe('rectification lists (整改台账)', { timeout: 120_000 }, () => {
  it('takes a list from creation through progress, 销号 with evidence and approval, 回头看, the board and the ledger', async () => {
    const clock = manualClock(new Date('2026-03-02T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const w = await world(request)
    let owner = await w.owner.login()
    const body = {
      title: '区委巡察反馈问题整改',
      source: 'inspection',
      aspects: [
        {
          title: '贯彻落实党的路线方针政策不到位',
          items: [
            { title: '民生实事推进缓慢', problems: [problem(w, '老旧小区改造进度滞后', '2026-03-31')] },
            { title: '为民服务意识不强', problems: [problem(w, '窗口办事推诿扯皮', '2026-04-30')] },
          ],
        },
        {
          title: '全面从严治党责任落实不到位',
          items: [
            {
              title: '监督管理不严',
              problems: [
                problem(w, '工程项目监管缺位', '2026-04-30'),
                problem(w, '资金拨付台账不全', '2026-04-30'),
              ],
            },
          ],
        },
      ],
    }
    // Every bad row is reported: a responsible "leader" who is a handler, a unit that does not exist.
    const wrong = structuredClone(body)
    wrong.aspects[0]!.items[0]!.problems[0]!.responsibleLeaderId = w.worker.id
    wrong.aspects[1]!.items[0]!.problems[1]!.leadUnitId = '65f000000000000000000009'
    const refused = await request.post('/api/v1/rectification/lists').set(owner).send(wrong)
    expect(refused.status).toBe(400)
    expect(refused.body.error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'aspects.0.items.0.problems.0.responsibleLeaderId',
      'aspects.1.items.0.problems.1.leadUnitId',
    ])
    const workerAuth = await w.worker.login()
    expect((await request.post('/api/v1/rectification/lists').set(workerAuth).send(body)).status).toBe(403)

    const created = await request.post('/api/v1/rectification/lists').set(owner).send(body)
    expect(created.status).toBe(201)
    expect(rectificationListDetailSchema.safeParse(created.body).success).toBe(true)
    expect(created.body.headline).toBe('二方面3项4个问题，已整改完成0个')
    const listId = created.body.id as string
    const [first, second] = created.body.aspects[0].items.map(
      (item: { problems: Array<{ id: string }> }) => item.problems[0]!.id,
    )
    expect(created.body.aspects[1].items[0].problems.map((p: { no: number }) => p.no)).toEqual([3, 4])

    // Who sees what: the worker and the responsible leader see the list; another unit does not.
    const outsider = await w.outsider.login()
    expect((await request.get(`/api/v1/rectification/lists/${listId}`).set(outsider)).status).toBe(404)
    expect((await request.get('/api/v1/rectification/lists').set(outsider)).body.items).toEqual([])
    const seen = await request.get(`/api/v1/rectification/lists/${listId}`).set(workerAuth)
    expect(seen.body.aspects[0].items[0].problems[0].allowedActions).toEqual(['progress', 'requestClosure'])
    const listed = await request.get('/api/v1/rectification/lists').set(await w.responsible.login())
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([listId])

    const step = (auth: Record<string, string>, id: string, action: string, payload: object) =>
      request.post(`/api/v1/rectification/problems/${id}/${action}`).set(auth).send(payload)
    expect((await step(outsider, first, 'progress', { note: '越权' })).status).toBe(404)
    expect((await step(owner, first, 'progress', { note: '不是牵头单位' })).status).toBe(403)
    const progressed = await step(workerAuth, first, 'progress', { note: '已完成3个小区改造方案' })
    expect(progressed.status).toBe(200)
    expect(progressed.body.progress).toEqual([expect.objectContaining({ note: '已完成3个小区改造方案' })])

    const noEvidence = await step(workerAuth, first, 'closure', { note: '已完成', evidence: [] })
    expect(noEvidence.status).toBe(400)
    const othersFile = await request.post('/api/v1/files').set(outsider).attach('file', png, 'x.png')
    expect(othersFile.status).toBe(201)
    expect(
      (await step(workerAuth, first, 'closure', { note: '已完成', evidence: [othersFile.body.id] })).status,
    ).toBe(400)
    const photo = await request.post('/api/v1/files').set(workerAuth).attach('file', png, 'proof.png')
    const asked = await step(workerAuth, first, 'closure', {
      note: '改造全部完工并验收',
      evidence: [photo.body.id],
    })
    expect(asked.status).toBe(200)
    expect(asked.body).toMatchObject({ status: 'awaitingApproval', allowedActions: ['progress'] })
    expect(asked.body.closure.evidenceUrls[0]).toContain(photo.body.id)
    // Only the list's owner approves; the worker cannot strike off their own problem.
    expect((await step(workerAuth, first, 'decision', { approve: true })).status).toBe(403)
    expect((await step(owner, first, 'decision', { approve: false })).status).toBe(400)
    const sentBack = await step(owner, first, 'decision', { approve: false, reason: '缺少验收报告' })
    expect(sentBack.body.status).toBe('open')
    await step(workerAuth, first, 'closure', { note: '补充验收报告', evidence: [photo.body.id] })
    const approved = await step(owner, first, 'decision', { approve: true })
    expect(approved.body).toMatchObject({ status: 'closed', allowedActions: ['scheduleRecheck'] })
    expect((await step(owner, first, 'decision', { approve: true })).body.error.code).toBe(
      'RECTIFICATION_STATE',
    )

    // 回头看: the owner sets a date, later records the result.
    const scheduled = await step(owner, first, 'recheck', { dueOn: '2026-06-30' })
    expect(scheduled.body.recheck).toMatchObject({ dueOn: '2026-06-30', result: null })
    const held = await step(owner, first, 'recheck', {
      result: 'consolidated',
      note: '回访住户，整改成效巩固',
    })
    expect(held.body).toMatchObject({ status: 'closed', recheck: { result: 'consolidated' } })
    const events = await request.get(`/api/v1/rectification/problems/${first}/events`).set(owner)
    expect(
      events.body.items.map((event: { action: string; to: string }) => `${event.action}→${event.to}`),
    ).toEqual([
      'create→open',
      'progress→open',
      'requestClosure→awaitingApproval',
      'reject→open',
      'requestClosure→awaitingApproval',
      'approve→closed',
      'scheduleRecheck→closed',
      'recordRecheck→closed',
    ])

    // Past the second problem's deadline: it joins the supervision board, the struck-off one does not.
    clock.set(new Date('2026-04-01T09:00:00+08:00'))
    owner = await w.owner.login()
    const board = await request.get('/api/v1/supervision/board').set(owner)
    expect(board.status).toBe(200)
    expect(board.body.rectification).toEqual([])
    clock.set(new Date('2026-05-01T09:00:00+08:00'))
    owner = await w.owner.login()
    const later = await request.get('/api/v1/supervision/board').set(owner)
    expect(later.body.rectification.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining([second]),
    )
    expect(later.body.rectification.map((item: { id: string }) => item.id)).not.toContain(first)
    expect(later.body.rectification[0]).toMatchObject({
      responsibleLeaderName: '王副局长',
      leadUnitName: '住建局',
    })
    const strangerLeader = await loginAs(request, await buildUser({ role: 'leader' }))
    const strangerBoard = await request
      .get('/api/v1/supervision/board')
      .set({ Authorization: `Bearer ${strangerLeader.accessToken}` })
    expect(strangerBoard.body.rectification).toEqual([])

    const report = await request.get(`/api/v1/rectification/lists/${listId}/report`).set(owner)
    expect(rectificationReportSchema.safeParse(report.body).success).toBe(true)
    expect(report.body).toMatchObject({
      headline: '二方面3项4个问题，已整改完成1个',
      totals: { aspects: 2, items: 3, problems: 4, closed: 1, overdue: 3 },
    })
    expect(
      report.body.aspects.map((aspect: { problems: number; closed: number }) => [
        aspect.problems,
        aspect.closed,
      ]),
    ).toEqual([
      [2, 1],
      [2, 0],
    ])

    const ledger = await request
      .get(`/api/v1/rectification/lists/${listId}/ledger.xlsx`)
      .set(owner)
      .buffer(true)
      .parse(binary as never)
    expect(ledger.status).toBe(200)
    expect(ledger.headers['content-type']).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(ledger.body as ArrayBuffer)
    const rows = workbook.getWorksheet('整改台账')!.getSheetValues().filter(Boolean) as unknown[][]
    expect(rows).toHaveLength(5)
    expect(rows[0]!.slice(1, 5)).toEqual(['序号', '方面', '项', '问题'])
    expect(rows[1]!.slice(1, 12)).toEqual([
      1,
      '一、贯彻落实党的路线方针政策不到位',
      '1. 民生实事推进缓慢',
      '老旧小区改造进度滞后',
      '王副局长',
      '住建局',
      '制定整改方案，逐户排查',
      '问题全部清零',
      '2026-03-31',
      '已销号',
      '否',
    ])
    expect(rows[2]!.slice(10, 12)).toEqual(['整改中', '是'])
    const outsiderNow = await w.outsider.login()
    expect(
      (await request.get(`/api/v1/rectification/lists/${listId}/ledger.xlsx`).set(outsiderNow)).status,
    ).toBe(404)
  })
  it('lets the list owner adjust a problem (延期, measures, responsible leader) with a reason, as an event', async () => {
    const clock = manualClock(new Date('2026-04-02T09:00:00+08:00'))
    const { request } = testApp({ clock })
    const w = await world(request)
    const owner = await w.owner.login()
    const created = await request
      .post('/api/v1/rectification/lists')
      .set(owner)
      .send({
        title: '督查通报问题整改',
        source: 'supervision',
        aspects: [
          {
            title: '为民服务',
            items: [{ title: '办事效率', problems: [problem(w, '审批超时', '2026-03-31')] }],
          },
        ],
      })
    expect(created.status).toBe(201)
    const problemId = created.body.aspects[0].items[0].problems[0].id as string
    expect(created.body.aspects[0].items[0].problems[0]).toMatchObject({ overdue: true })
    expect(created.body.aspects[0].items[0].problems[0].allowedActions).toContain('adjust')
    const adjust = (auth: Record<string, string>, body: object) =>
      request.post(`/api/v1/rectification/problems/${problemId}/adjustment`).set(auth).send(body)

    // The worker may not move their own deadline; a change needs a reason; the leader must be a leader.
    expect(
      (await adjust(await w.worker.login(), { deadline: '2026-06-30', reason: '工程量大' })).status,
    ).toBe(403)
    const noReason = await adjust(owner, { deadline: '2026-06-30' })
    expect(noReason.status).toBe(400)
    expect(noReason.body.error.issues[0].path).toBe('reason')
    const badLeader = await adjust(owner, { responsibleLeaderId: w.worker.id, reason: '分工调整' })
    expect(badLeader.status).toBe(400)
    expect(badLeader.body.error.issues[0].path).toBe('responsibleLeaderId')

    const extended = await adjust(owner, {
      deadline: '2026-06-30',
      measures: '分批改造，先易后难',
      reason: '涉及管网改造，需协调供水公司',
    })
    expect(extended.status).toBe(200)
    expect(extended.body).toMatchObject({
      deadline: '2026-06-30',
      measures: '分批改造，先易后难',
      overdue: false,
      status: 'open',
    })
    const events = await request.get(`/api/v1/rectification/problems/${problemId}/events`).set(owner)
    expect(events.body.items.map((event: { action: string }) => event.action)).toEqual(['create', 'adjust'])
    expect(events.body.items[1].note).toBe('涉及管网改造，需协调供水公司')
    const stored = await RectificationEventModel.findOne({ problemId, action: 'adjust' })
    expect(stored!.data).toMatchObject({
      before: { deadline: '2026-03-31', measures: '制定整改方案，逐户排查' },
      after: { deadline: '2026-06-30', measures: '分批改造，先易后难' },
    })
    // Nothing to change is refused, not recorded as an empty event.
    expect((await adjust(owner, { deadline: '2026-06-30', reason: '再次确认' })).status).toBe(400)
  })
})
