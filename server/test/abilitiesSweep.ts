import { caseStatuses, transitions, type CaseAction, type CaseStatus } from '@minqing/shared'
import { expect } from 'vitest'
import { shownActions } from '../../miniapp/src/cases/actions'
import { CaseModel } from '../src/cases/case.model'
import { caseBody, caseWorld } from './caseWorld'
import { testApp } from './testApp'

const actions = Object.keys(transitions) as CaseAction[]

/** A valid body for each action, so that only the case and the actor decide the answer. */
function bodyFor(
  action: CaseAction,
  ids: { otherUnit: string; coUnit: string; intoCaseId: string; unit: string },
) {
  const reason = '按职责需要处理'
  switch (action) {
    case 'dispatch':
      return { action, unitId: ids.unit }
    case 'transfer':
      return { action, unitId: ids.otherUnit, reason }
    case 'reply':
      return { action, message: '正在协调处理', public: true }
    case 'resolve':
    case 'addInfo':
    case 'contribute':
      return { action, message: '已经按要求处理完毕' }
    case 'rate':
      return { action, rating: 'satisfied' }
    case 'ruleObjection':
      return { action, uphold: true, reason }
    case 'merge':
      return { action, intoCaseId: ids.intoCaseId }
    case 'addCoUnits':
      return { action, unitIds: [ids.coUnit] }
    case 'requestExtension':
      return { action, workingDays: 3, reason }
    case 'decideExtension':
      return { action, approve: true }
    case 'recategorize':
      return { action, categoryCode: 'culture.opera' }
    case 'flagSupervision':
      return { action, level: 'listed', reason }
    case 'closeSupervision':
      return { action, message: '督办事项已经全部办理完毕，群众认可' }
    case 'accept':
    case 'close':
    case 'takeOwnership':
      return { action }
    default:
      return { action, reason }
  }
}

const withoutUnit: readonly CaseStatus[] = ['submitted', 'returned']
/** Statuses where the record-level facts (objection, extension, flag, owner…) change the answer. */
const busyStatuses: readonly CaseStatus[] = ['dispatched', 'accepted', 'replied', 'resolved', 'closed']

/** Every status with its plain facts, and the busy statuses again with every fact turned. */
const allCombinations: ReadonlyArray<readonly [CaseStatus, 'plain' | 'busy']> = caseStatuses.flatMap(
  (status) => [
    [status, 'plain'] as const,
    ...(busyStatuses.includes(status) ? [[status, 'busy'] as const] : []),
  ],
)

/**
 * Half of the (status, facts) combinations: abilities.test.ts sweeps part 0 and
 * abilities.more.test.ts part 1, so the two vitest workers share the ~2,700 requests (one file
 * took 63-96 s, the tail of the server suite). Together they cover every combination.
 */
export function sweepPart(part: 0 | 1) {
  return allCombinations.filter((_, index) => index % 2 === part)
}

/**
 * For each combination of the part × actor × action: allowedActions is what the server accepts,
 * and the client shows a control for each and nothing else. Returns how many actions went through.
 */
export async function sweepAbilities(part: 0 | 1): Promise<number> {
  const { request, clock } = testApp()
  const city = await caseWorld(request)
  const filed = await request.post('/api/v1/cases').set(city.resident.auth).send(caseBody())
  const other = await request.post('/api/v1/cases').set(city.otherResident.auth).send(caseBody())
  expect(filed.status).toBe(201)
  const caseId = filed.body.id as string
  const ids = {
    unit: city.culture.id,
    otherUnit: city.housing.id,
    coUnit: city.street.id,
    intoCaseId: other.body.id as string,
  }
  const actors = {
    owner: city.resident,
    otherResident: city.otherResident,
    unitHandler: city.cultureHandler,
    otherHandler: city.housingHandler,
    leader: city.districtLeader,
    admin: city.admin,
  }
  const plain = (status: CaseStatus) => ({
    status,
    unitId: withoutUnit.includes(status) ? null : city.culture._id,
    coUnitIds: [],
    reopenCount: 0,
    objection: null,
    extension: null,
    ownerLeaderId: null,
    'supervision.flag': null,
    supervisionFlag: false,
    mergedInto: null,
    rating: null,
    'deadlines.dueAt': new Date(clock.now().getTime() + 2 * 86_400_000),
  })
  // The same statuses with every record-level fact turned the other way.
  const busy = (status: CaseStatus) => ({
    ...plain(status),
    coUnitIds: [city.housing._id],
    reopenCount: 1,
    rating: { value: 'satisfied', comment: null, at: clock.now() },
    objection: { unitId: city.culture._id, reason: '不属本单位', at: clock.now(), status: 'pending' },
    extension: { workingDays: 3, reason: '需要协调', requestedAt: clock.now(), status: 'pending' },
    ownerLeaderId: city.districtLeader.user._id,
    'supervision.flag': {
      level: 'listed',
      reportBy: clock.now(),
      reason: '督办',
      by: null,
      at: clock.now(),
    },
    'deadlines.dueAt': new Date(clock.now().getTime() - 3_600_000),
  })

  const mismatches: string[] = []
  let accepted = 0
  const variants = { plain, busy }
  for (const [status, variant] of sweepPart(part)) {
    const facts = variants[variant]
    for (const [name, actor] of Object.entries(actors)) {
      const setUp = () => CaseModel.updateOne({ _id: caseId }, { $set: facts(status) })
      await setUp()
      const shown = await request.get(`/api/v1/cases/${caseId}`).set(actor.auth)
      const allowed: CaseAction[] = shown.status === 200 ? (shown.body.allowedActions ?? []) : []
      // The client renders a control for every allowed action and for nothing else.
      expect(new Set(shownActions(allowed)), `${status}/${variant}/${name}`).toEqual(new Set(allowed))
      let changed = false
      for (const action of actions) {
        // A refused action changes nothing: the case is set up again only after one that went through.
        if (changed) await setUp()
        const answer = await request
          .post(`/api/v1/cases/${caseId}/transitions`)
          .set(actor.auth)
          .send(bodyFor(action, ids))
        const serverAccepts = answer.status === 200
        changed = serverAccepts
        if (serverAccepts) accepted += 1
        if (serverAccepts !== allowed.includes(action))
          mismatches.push(
            `${status}/${variant}/${name}/${action}: ${answer.status} ${answer.body.code ?? ''}`,
          )
        else if (!serverAccepts)
          expect(
            [403, 404, 409],
            `${status}/${variant}/${name}/${action}: ${JSON.stringify(answer.body)}`,
          ).toContain(answer.status)
      }
    }
  }
  expect(mismatches).toEqual([])
  return accepted
}
