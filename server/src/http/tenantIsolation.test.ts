import { randomUUID } from 'node:crypto'
import { defaultOfficeHours, defaultTimeLimits } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import ExcelJS from 'exceljs'
import { buildUnit, buildUser, loginAs, testPassword, uniquePhone } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { RepeatConcernModel } from '../repeatConcerns/repeatConcern.model'
import { SuggestionModel } from '../topics/topic.model'
import { routeTable } from '../routes'
import { defaultTenantId } from '../tenants/defaultTenant'
import { TenantModel } from '../tenants/tenant.model'
import type { RouteSpec } from './defineRoute'

type Request = ReturnType<typeof testApp>['request']
type Auth = Record<string, string>

/** Marks tenant A's records in free text (titles, names), so a leak shows in any answer. */
const marker = '甲区标记'

/**
 * Routes this test does not drive as a tenant B account, each with why. Everything else in the
 * route table is checked: a new route either gets a tenant-A record below or a reason here.
 */
const exempt: Record<string, string> = {
  'GET /me': 'the caller themself',
  'POST /notifications/:id/read': 'a person’s own inbox (404 to anyone else, see the matrix)',
  'GET /notifications/subscribe-templates': 'configuration of the WeChat app, not tenant data',
  'GET /uploads/:id': 'a person’s own upload (404 to anyone else, see the matrix)',
  'PUT /uploads/:id': 'a person’s own upload',
  'GET /pairs/:id': 'a staff member’s own pair (404 to anyone else, see the matrix)',
  'DELETE /pairs/:id': 'a staff member’s own pair',
  'GET /pairs': 'a staff member’s own pairs',
  'POST /cases/:id/follow': 'residents only; residents are not scoped by tenant',
  'POST /echo-wall/:id/reports': 'residents only',
  'POST /topics/:id/suggestions': 'residents only',
  'POST /suggestions/:id/support': 'residents only',
  'POST /suggestions/:id/reports': 'residents only',
  'GET /follow-ups': 'residents only',
  'POST /follow-ups/:caseId/answer': 'residents only',
}

/** Routes still open across tenants (the work left, see the report): each must fail below. */
const notScopedYet: string[] = []

const name = (route: RouteSpec) => `${route.method.toUpperCase()} ${route.path}`

/** The request-body fields that name another record (`unitId`, `leaderIds`, `aspects.[].…leadUnitId`). */
export function recordFieldsOf(schema: unknown, prefix = ''): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def
  if (!def) return []
  if (def.type === 'object')
    return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, value]) => [
      ...(/(Id|Ids)$/.test(key) && !['clientId', 'deviceId', 'tenantId'].includes(key) ? [prefix + key] : []),
      ...recordFieldsOf(value, `${prefix}${key}.`),
    ])
  if (def.type === 'array') return recordFieldsOf(def.element, `${prefix}[].`)
  if (def.type === 'union')
    return (def.options as unknown[]).flatMap((option) => recordFieldsOf(option, prefix))
  const inner = def.innerType ?? def.in
  return inner ? recordFieldsOf(inner, prefix) : []
}

/** Collects an answer's bytes, so a spreadsheet can be opened like any other answer's text. */
const collectBytes = (res: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  stream.on('end', () => done(null, Buffer.concat(chunks)))
}

/** An answer as text: an .xlsx answer's every cell of every sheet, else its body. */
async function answerText(answer: { headers: Record<string, string>; body: unknown; text?: string }) {
  if (!Buffer.isBuffer(answer.body)) return answer.text ?? ''
  if (!String(answer.headers['content-type']).includes('spreadsheetml')) return answer.body.toString('utf8')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(answer.body as unknown as ArrayBuffer)
  const cells: string[] = []
  workbook.eachSheet((sheet) => {
    cells.push(sheet.name)
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)))
  })
  return cells.join('\n')
}

/** Tenant A = the default tenant (records without tenantId, as before tenants); B = 河东区. */
async function twoTenants(request: Request) {
  const world = await caseWorld(request)
  const as = (token: string): Auth => ({ Authorization: `Bearer ${token}` })
  const login = async (props: Parameters<typeof buildUser>[0]) =>
    as((await loginAs(request, await buildUser(props))).accessToken)
  const b = await TenantModel.create({ code: `hedong-${randomUUID().slice(0, 6)}`, name: '河东区' })
  const bRoot = await buildUnit({ level: 'district', name: '河东区', tenantId: b.id })
  const bDept = await buildUnit({ level: 'department', parentId: bRoot.id, name: '河东文旅局' })
  const aStaffUser = await buildUser({ role: 'staff', unitId: world.street.id, name: `${marker}干部` })
  const aStaff = as((await loginAs(request, aStaffUser)).accessToken)
  const aAdmin = await login({ role: 'admin', tenantId: String(defaultTenantId) })
  const operator = await login({ role: 'operator' })
  const bStreet = await buildUnit({ level: 'street', parentId: bRoot.id, name: '河东街道' })
  const bCommunity = await buildUnit({ level: 'community', parentId: bStreet.id, name: '河东社区' })
  const bGrid = await buildUnit({ level: 'grid', parentId: bCommunity.id, name: '河东网格' })
  const bLeaderUser = await buildUser({ role: 'leader', unitId: bRoot.id })
  const people = {
    bAdmin: await login({ role: 'admin', tenantId: b.id }),
    bLeader: as((await loginAs(request, bLeaderUser)).accessToken),
    bStaff: await login({ role: 'staff', unitId: bDept.id }),
    bHandler: await login({ role: 'handler', unitId: bDept.id }),
  }
  const roleOf = { bAdmin: 'admin', bLeader: 'leader', bStaff: 'staff', bHandler: 'handler' } as const

  // Tenant A's records, made through the API by A's people.
  const created = async (pending: Promise<{ status: number; body: { id?: string } }>, what: string) => {
    const answer = await pending
    if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body as { id: string } & Record<string, unknown>
  }
  const aCase = await created(
    request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ title: `${marker}书屋不开门` })),
    'case',
  )
  const visit = await created(
    request
      .post('/api/v1/visits/sync')
      .set(aStaff)
      .send({
        visits: [
          {
            clientId: 'tenant-visit-0001',
            visitedAt: '2026-03-09T09:00:00+08:00',
            household: { name: `${marker}住户`, address: '甲区幸福村1号' },
            purposes: ['visiting'],
          },
        ],
      }),
    'visit',
  )
  const visitId = (visit as unknown as { results: Array<{ id: string }> }).results[0]!.id
  const campaign = await created(
    request
      .post('/api/v1/campaigns')
      .set(aAdmin)
      .send({
        name: `${marker}大走访`,
        startsOn: '2026-03-01',
        endsOn: '2026-06-30',
        unitIds: [world.district.id],
      }),
    'campaign',
  )
  const contactPoint = await created(
    request
      .post('/api/v1/contact-points')
      .set(world.districtLeader.auth)
      .send({
        unitId: world.district.id,
        kind: 'contactPoint',
        targetType: 'community',
        name: `${marker}社区`,
        leaderId: String(world.districtLeader.user._id),
        since: '2026-02-01',
      }),
    'contact point',
  )
  const template = await created(
    request
      .post('/api/v1/reply-templates')
      .set(aAdmin)
      .send({ action: 'reply', title: `${marker}模板`, body: '{案件编号}已受理' }),
    'reply template',
  )
  const knowledge = await created(
    request
      .post('/api/v1/knowledge')
      .set(aAdmin)
      .send({ question: `${marker}书屋几点开门`, answer: '每天九点开门', published: true }),
    'knowledge',
  )
  // A category of 和平区's own (issue #16, tenants): tenant B may neither edit nor hide it.
  const aCategory = (await created(
    request
      .post('/api/v1/categories')
      .set(aAdmin)
      .send({ code: 'marker', name: `${marker}分类` }),
    'category',
  )) as unknown as { code: string }
  const topic = await created(
    request
      .post('/api/v1/topics')
      .set(aAdmin)
      .send({
        kind: 'needs',
        title: `${marker}书屋征集`,
        question: '您希望书屋几点开门？',
        opensOn: '2026-03-01',
        closesOn: '2026-03-31',
      }),
    'topic',
  )
  // Reported once, so it waits in the moderation queue.
  const suggestion = await SuggestionModel.create({
    topicId: topic.id,
    authorId: world.resident.user._id,
    text: `${marker}建议周末开放`,
    reports: 1,
  })
  const household = await created(
    request
      .post('/api/v1/households')
      .set(aStaff)
      .send({ address: '甲区幸福村2号', headName: `${marker}户主` }),
    'household',
  )
  const problem = {
    description: `${marker}问题`,
    responsibleLeaderId: String(world.districtLeader.user._id),
    leadUnitId: world.culture.id,
    measures: '逐户排查',
    target: '清零',
    deadline: '2026-04-30',
  }
  const list = await created(
    request
      .post('/api/v1/rectification/lists')
      .set(world.districtLeader.auth)
      .send({
        title: `${marker}巡察整改`,
        source: 'inspection',
        aspects: [{ title: '方面', items: [{ title: '项', problems: [problem] }] }],
      }),
    'rectification list',
  )
  const problemId = (
    list as unknown as { aspects: Array<{ items: Array<{ problems: Array<{ id: string }> }> }> }
  ).aspects[0]!.items[0]!.problems[0]!.id
  const concern = await RepeatConcernModel.create({
    caseId: aCase.id,
    caseNumber: String(aCase.number),
    unitId: world.culture.id,
    matchedBy: 'phone',
    reason: 'sameCategory',
    deadline: new Date('2026-04-01T00:00:00Z'),
    flaggedAt: new Date('2026-03-09T00:00:00Z'),
  })
  // Tenant A's own time limits name A's unit (office hours of 文旅局): B must never be shown them.
  const aLimits = await request
    .put('/api/v1/settings/time-limits')
    .set(aAdmin)
    .send({ ...defaultTimeLimits, unitOfficeHours: { [world.culture.id]: defaultOfficeHours } })
  if (aLimits.status !== 200)
    throw new Error(`time limits: ${aLimits.status} ${JSON.stringify(aLimits.body)}`)
  const intake = await created(
    request
      .post('/api/v1/intake')
      .set(operator)
      .send({
        clientId: randomUUID(),
        channel: 'hotline',
        kind: 'complaint',
        categoryCode: 'culture.library',
        title: `${marker}来电书屋`,
        description: '来电人反映村里的农家书屋已经两个月没有开门。',
        urgency: 'general',
        caller: { name: '赵桂兰', phone: '13712345670' },
        wantsCallBack: false,
      }),
    'intake',
  )

  /** Path parameters of tenant A's records, by route; a route with parameters not here fails. */
  const params: Record<string, Record<string, string>> = {
    'GET /users/:id': { id: String(world.cultureHandler.user._id) },
    'PATCH /users/:id': { id: String(world.cultureHandler.user._id) },
    'POST /users/:id/password-reset': { id: String(world.cultureHandler.user._id) },
    'GET /users/:id/open-work': { id: String(world.cultureHandler.user._id) },
    'POST /users/:id/open-work/reassign': { id: String(world.cultureHandler.user._id) },
    'PATCH /units/:id': { id: world.culture.id },
    'GET /units/:id/open-cases': { id: world.culture.id },
    'PATCH /routing/rules/:id': { id: world.cultureRule.id },
    'GET /cases/:id/similar': { id: aCase.id },
    'GET /cases/:id': { id: aCase.id },
    'GET /cases/:id/contact': { id: aCase.id },
    'POST /cases/:id/transitions': { id: aCase.id },
    'POST /cases/:id/rating-calls': { id: aCase.id },
    'POST /cases/:id/phone-follow-up-rating': { id: aCase.id },
    'GET /cases/:id/reply-templates': { id: aCase.id },
    'GET /visits/:id': { id: visitId },
    'PATCH /campaigns/:id': { id: campaign.id },
    'GET /campaigns/:id': { id: campaign.id },
    'GET /campaigns/:id/progress': { id: campaign.id },
    'POST /campaigns/:id/activities': { id: campaign.id },
    'GET /campaigns/:id/activities': { id: campaign.id },
    'GET /campaigns/:id/report': { id: campaign.id },
    'GET /campaigns/:id/duty-gaps': { id: campaign.id },
    'GET /exports/cases.:format': { format: 'csv' },
    'GET /exports/visits.:format': { format: 'csv' },
    'POST /suggestions/:id/moderation': { id: suggestion.id },
    'POST /suggestions/:id/adopt': { id: suggestion.id },
    'POST /echo-wall/:id/moderation': { id: aCase.id },
    'GET /intake/:id/contact': { id: String(intake.id) },
    'POST /contact-points/:id/activities': { id: contactPoint.id },
    'GET /contact-points/:id/activities': { id: contactPoint.id },
    'PATCH /categories/:code': { code: aCategory.code },
    'PUT /categories/:code/visibility': { code: aCategory.code },
    'PATCH /reply-templates/:id': { id: template.id },
    'DELETE /reply-templates/:id': { id: template.id },
    'PATCH /knowledge/:id': { id: knowledge.id },
    'DELETE /knowledge/:id': { id: knowledge.id },
    'GET /households/:id': { id: household.id },
    'PATCH /repeat-concerns/:id': { id: String(concern._id) },
    'POST /households/:id/contact': { id: household.id },
    'GET /rectification/lists/:id': { id: list.id },
    'GET /rectification/lists/:id/report': { id: list.id },
    'GET /rectification/lists/:id/ledger.xlsx': { id: list.id },
    'GET /rectification/problems/:id/events': { id: problemId },
    // Time limits and calendars per district: B reads and edits its own year, never A's.
    'GET /calendars/:year': { year: '2026' },
    'PUT /calendars/:year': { year: '2026' },
    'DELETE /calendars/:year': { year: '2026' },
    'POST /rectification/problems/:id/progress': { id: problemId },
    'POST /rectification/problems/:id/closure': { id: problemId },
    'POST /rectification/problems/:id/decision': { id: problemId },
    'POST /rectification/problems/:id/recheck': { id: problemId },
    'POST /rectification/problems/:id/adjustment': { id: problemId },
  }
  const ids = [
    aCase.id,
    String(aCase.number),
    visitId,
    campaign.id,
    contactPoint.id,
    template.id,
    knowledge.id,
    household.id,
    list.id,
    problemId,
    String(intake.id),
    world.cultureRule.id,
    aCategory.code,
    ...[world.district, world.street, world.culture, world.housing].map((unit) => unit.id as string),
    ...[world.cultureHandler, world.housingHandler, world.districtLeader].map((who) => String(who.user._id)),
    String(aStaffUser._id),
    String(concern._id),
    topic.id,
    suggestion.id,
  ]
  const period = '?from=2026-03-01&to=2026-03-31'
  /** Query strings some routes require. */
  const queries: Record<string, string> = {
    'GET /stats/handoffs': period,
    'GET /stats/follow-ups': period,
    'GET /stats/rates': period,
    'GET /stats/ranking': period,
    'GET /stats/workload': period,
    'GET /stats/visits': period,
    'GET /stats/brief': period,
    'GET /stats/satisfaction-by-channel': period,
    'GET /exports/cases.:format': period,
    'GET /exports/visits.:format': period,
    'GET /duty-roster': `?unitId=${world.district.id}`,
    'GET /cases/:id/reply-templates': '?action=reply',
    'GET /knowledge/search': `?q=${encodeURIComponent('书屋')}`,
    'GET /exports/org.xlsx': `?unitId=${world.district.id}`,
  }
  /** Valid bodies, so that a write reaches the record lookup instead of stopping at validation. */
  const bodies: Record<string, object> = {
    'PATCH /users/:id': { name: '改名' },
    'POST /users/:id/open-work/reassign': { kind: 'case', id: aCase.id, toUserId: String(aStaffUser._id) },
    'PATCH /units/:id': { name: '改名' },
    'POST /cases/:id/transitions': { action: 'accept' },
    'POST /campaigns/:id/activities': {
      clientId: 'tenant-activity-0001',
      kind: 'talk',
      heldOn: '2026-03-09',
      unitId: world.district.id,
      summary: '座谈会',
    },
    'POST /echo-wall/:id/moderation': { decision: 'hide' },
    'POST /suggestions/:id/moderation': { decision: 'hide' },
    'POST /suggestions/:id/adopt': { categoryCode: 'culture.library', title: '书屋周末开放' },
    'POST /cases/:id/rating-calls': { outcome: 'noAnswer' },
    'POST /cases/:id/phone-follow-up-rating': { rating: 'satisfied', how: '本人接听' },
    'POST /contact-points/:id/activities': {
      clientId: 'tenant-contact-0001',
      heldOn: '2026-03-05',
      summary: '走访',
    },
    'PATCH /categories/:code': { name: '改名' },
    'PUT /categories/:code/visibility': { hidden: true },
    'PATCH /reply-templates/:id': { title: '改名' },
    'PATCH /repeat-concerns/:id': { deadline: '2026-04-15T00:00:00+08:00' },
    'PATCH /knowledge/:id': { answer: '改为十点开门' },
    'POST /rectification/problems/:id/progress': { note: '进展' },
    'PUT /calendars/:year': { holidays: ['2026-03-04'], workdays: [] },
    'POST /rectification/problems/:id/closure': { note: '销号', evidence: [aCase.id] },
    'POST /rectification/problems/:id/decision': { approve: true },
    'POST /rectification/problems/:id/recheck': { dueOn: '2026-05-01' },
    'POST /rectification/problems/:id/adjustment': { deadline: '2026-06-30', reason: '延期' },
  }
  const bCase = await created(
    request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ title: '河东区的诉求', tenant: b.code })),
    'tenant B case',
  )
  /** The records a write body may name, in tenant A and (the control) in tenant B. */
  const named = {
    a: {
      unit: world.district.id as string,
      leader: String(world.districtLeader.user._id),
      grid: world.grid.id as string,
      case: aCase.id,
    },
    b: {
      unit: bRoot.id as string,
      leader: String(bLeaderUser._id),
      grid: bGrid.id as string,
      case: bCase.id,
    },
  }
  return { world, people, roleOf, params, queries, bodies, ids, named, cityAdmin: world.admin.auth }
}

type Named = { unit: string; leader: string; grid: string; case: string }
/** A subscribe-message template the test app knows, so a subscription body can be valid. */
const subscribeTemplate = 'tenant-test-progress'
/**
 * Valid bodies of the writes without a record in the path whose body names other records, built
 * from the records to name: tenant B's (must succeed: the body is valid) and tenant A's (404 or
 * 400, never a write). A route whose body names records and is not here fails the test.
 */
const namingBodies: Record<string, (ids: Named) => object> = {
  'POST /users': (ids) => ({
    phone: uniquePhone(),
    name: '越界用户',
    role: 'staff',
    password: testPassword,
    unitId: ids.unit,
  }),
  'POST /units': (ids) => ({
    name: `越界科${randomUUID().slice(0, 4)}`,
    level: 'department',
    parentId: ids.unit,
  }),
  'POST /routing/rules': (ids) => ({
    name: '越界规则',
    priority: 50,
    categoryCodes: ['utility'],
    unitId: ids.unit,
  }),
  'POST /campaigns': (ids) => ({
    name: '越界大走访',
    startsOn: '2026-03-01',
    endsOn: '2026-06-30',
    unitIds: [ids.unit],
  }),
  'PUT /duty-roster': (ids) => ({
    unitId: ids.unit,
    assignments: [{ date: '2026-03-11', leaderId: ids.leader }],
  }),
  'POST /contact-points': (ids) => ({
    unitId: ids.unit,
    kind: 'contactPoint',
    targetType: 'community',
    name: '越界社区',
    leaderId: ids.leader,
    since: '2026-02-01',
  }),
  'POST /households': (ids) => ({
    headName: '越界户主',
    address: `越界村${randomUUID().slice(0, 6)}号`,
    gridId: ids.grid,
  }),
  'POST /rectification/lists': (ids) => ({
    title: '越界整改',
    source: 'inspection',
    aspects: [
      {
        title: '方面',
        items: [
          {
            title: '项',
            problems: [
              {
                description: '问题',
                responsibleLeaderId: ids.leader,
                leadUnitId: ids.unit,
                measures: '逐户排查',
                target: '清零',
                deadline: '2026-04-30',
              },
            ],
          },
        ],
      },
    ],
  }),
  'POST /notifications/subscriptions': (ids) => ({
    clientId: randomUUID(),
    caseId: ids.case,
    results: { [subscribeTemplate]: 'accept' },
  }),
}

describe(
  'tenant isolation (every route × tenant B’s admin and staff, generated from the route table)',
  { timeout: 600_000 },
  () => {
    it('answers tenant B 404 for tenant A’s records and leaves them out of every list; a city admin reaches them', async () => {
      const clock = manualClock(new Date('2026-03-10T10:00:00+08:00'))
      const { request } = testApp({ clock, env: { WECHAT_SUBSCRIBE_TEMPLATE_ID: subscribeTemplate } })
      const t = await twoTenants(request)
      const failures: string[] = []
      const leaks = (text: string) => text.includes(marker) || t.ids.some((id) => text.includes(id))
      for (const route of routeTable) {
        const key = name(route)
        if (route.access === 'public' || key in exempt) continue
        // City-wide configuration: tenant B's admin is refused before anything is read.
        if (route.cityLevel) {
          const url = `/api/v1${route.path.replace(/:([A-Za-z_]+)/g, '2026')}`
          const pending = request[route.method](url).set(t.people.bAdmin)
          const answer = await (route.method === 'get' || route.method === 'delete'
            ? pending
            : pending.send({}))
          if (answer.status !== 403 || answer.body.error?.code !== 'CITY_LEVEL_ONLY')
            failures.push(`${key} as bAdmin → ${answer.status}, expected 403 CITY_LEVEL_ONLY`)
          continue
        }
        const hasParams = route.path.includes(':')
        // Creates and other writes without a record in the path: the tenant stamped on what they
        // write, and the units they may name, are tested below.
        if (!hasParams && route.method !== 'get') continue
        const filled = t.params[key]
        if (hasParams && !filled) {
          failures.push(`${key}: no tenant-A record in the test (add one, or a reason to exempt)`)
          continue
        }
        // An export in each of its formats: the spreadsheet is opened and read like the text.
        const variants = route.path.includes(':format') ? [filled!, { ...filled!, format: 'xlsx' }] : [filled]
        for (const variant of variants) {
          const url = `/api/v1${route.path.replace(/:([A-Za-z_]+)/g, (_m, param: string) => variant![param]!)}${t.queries[key] ?? ''}`
          const send = (auth: Auth) => {
            const pending = request[route.method](url).set(auth)
            return route.method === 'get'
              ? pending.buffer(true).parse(collectBytes)
              : route.method === 'delete'
                ? pending
                : pending.send(t.bodies[key] ?? {})
          }
          const isList = !hasParams || !('id' in variant! || 'code' in variant! || 'caseId' in variant!)
          for (const [who, auth] of Object.entries(t.people)) {
            if (!route.access.includes(t.roleOf[who as keyof typeof t.roleOf])) continue
            const answer = await send(auth)
            if (answer.status >= 500) failures.push(`${key} as ${who} → ${answer.status}`)
            else if (isList) {
              if (answer.status === 400) failures.push(`${key} as ${who} → 400 (give the test a query)`)
              else if (leaks(await answerText(answer)))
                failures.push(
                  `${key} as ${who} shows tenant A's records${variant?.format ? ` (${variant.format})` : ''}`,
                )
            } else if (answer.status !== 404 && !(answer.status === 403 && who !== 'bAdmin'))
              failures.push(`${key} as ${who} → ${answer.status}, expected 404`)
          }
          // The city admin reaches tenant A's record (reads only: writes would change the fixtures).
          if (hasParams && !isList && route.method === 'get' && route.access.includes('admin')) {
            const answer = await send(t.cityAdmin)
            if (answer.status === 404) failures.push(`${key} as the city admin → 404`)
          }
        }
      }
      // The spreadsheet reader reads: the city admin's case export holds tenant A's marker.
      const cityExport = await request
        .get(`/api/v1/exports/cases.xlsx${t.queries['GET /exports/cases.:format']}`)
        .set(t.cityAdmin)
        .buffer(true)
        .parse(collectBytes)
      expect(cityExport.status).toBe(200)
      expect(await answerText(cityExport)).toContain(marker)
      // Writes without a record in the path whose body names records: tenant B's admin (or the
      // first of B's people the route admits) names tenant A's records, and nothing is written.
      for (const route of routeTable) {
        const key = name(route)
        if (route.method === 'get' || route.method === 'delete' || route.path.includes(':')) continue
        if (route.access === 'public' || route.cityLevel || key in exempt) continue
        const fields = recordFieldsOf(route.body)
        if (!fields.length) continue
        const body = namingBodies[key]
        if (!body) {
          failures.push(`${key}: its body names records (${fields.join(', ')}); give the test a body`)
          continue
        }
        const who = (['bAdmin', 'bLeader', 'bStaff', 'bHandler'] as const).find((person) =>
          route.access.includes(t.roleOf[person]),
        )
        if (!who) continue
        const send = (ids: Named) =>
          request[route.method as 'post' | 'put' | 'patch'](`/api/v1${route.path}`)
            .set(t.people[who])
            .send(body(ids))
        const foreign = await send(t.named.a)
        if (foreign.status !== 404 && foreign.status !== 400)
          failures.push(`${key} as ${who} naming tenant A's records → ${foreign.status}, expected 404 or 400`)
        // The same body naming B's own records is written: the refusal above was the tenant's.
        const own = await send(t.named.b)
        if (own.status >= 300)
          failures.push(`${key}: the control naming B's records → ${own.status} ${own.text.slice(0, 200)}`)
      }
      // Each failure names its route; the routes not yet scoped are listed (and must still fail,
      // so the list only shrinks).
      const failing = [...new Set(failures.map((line) => line.split(/ as | →|: /)[0]!))].sort()
      expect({
        failing,
        unexpected: failures.filter(
          (line) => !notScopedYet.some((key) => line.startsWith(`${key} `) || line.startsWith(`${key}:`)),
        ),
      }).toEqual({
        failing: [...notScopedYet].sort(),
        unexpected: [],
      })
    })
  },
)
