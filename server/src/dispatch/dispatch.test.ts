import { dispatchSuggestionSchema, dispatchTrainResultSchema } from '@minqing/shared'
import { randomUUID } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { RoutingRuleModel } from '../routing/routingRule.model'
import { resetDispatchModel } from './modelStore'
import { retrainAfterCorrections, retrainIfCorrected } from './retrainJob'

type World = Awaited<ReturnType<typeof caseWorld>>

/** Closed history as an import leaves it: category and unit as finally handled. */
async function settled(world: World, rows: Array<[categoryCode: string, unitId: string, text: string]>) {
  const at = new Date('2025-06-01T10:00:00+08:00')
  await CaseModel.insertMany(
    rows.map(([categoryCode, unitId, text], index) => ({
      number: `HIS-${randomUUID().slice(0, 8)}-${index}`,
      clientId: randomUUID(),
      submittedAt: at,
      createdBy: world.admin.user.id,
      source: 'hotline',
      kind: 'complaint',
      categoryCode,
      title: text.slice(0, 12),
      description: text,
      urgency: 'general',
      status: 'closed',
      closedReason: 'byStaff',
      closedAt: at,
      unitId,
      involvedUnitIds: [unitId],
      routing: { kind: 'dispatchCentre', unitId, reason: '历史', decidedAt: at },
      deadlines: {},
    })),
  )
}

function history(world: World): Array<[string, string, string]> {
  const housing = world.housing.id as string
  const culture = world.culture.id as string
  const street = world.street.id as string
  return [
    ['housing.repair', housing, '楼上卫生间漏水，我家天花板都泡烂了'],
    ['housing.repair', housing, '顶楼一下雨就漏水，墙上全是霉斑'],
    ['housing.repair', housing, '厨房墙里的水管漏水，墙都湿透了'],
    ['housing.repair', housing, '楼上漏水渗到我家卧室'],
    ['culture.netcafe', culture, '网吧让未成年人上网，晚上还有学生'],
    ['culture.netcafe', culture, '网吧里抽烟乌烟瘴气'],
    ['culture.netcafe', culture, '网吧通宵营业门口打架'],
    ['culture.netcafe', culture, '学生逃课去网吧，网管不查身份证'],
    ['urban.noise', street, '广场舞音响太吵，每天吵到十点'],
    ['urban.noise', street, '广场舞大妈音乐开得太大声'],
    ['urban.noise', street, '楼下广场舞噪音扰民睡不着'],
    ['urban.noise', street, '晚上广场舞的音响震得窗户响'],
  ]
}

beforeEach(async () => {
  resetDispatchModel()
  await CaseModel.deleteMany({})
})

describe('dispatch model over the real database', { timeout: 120_000 }, () => {
  it('trains on settled cases and suggests category and unit with the words behind them', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    await settled(world, history(world))
    // An open case nobody corrected is not evidence: it must not be counted.
    await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ categoryCode: 'other', title: '问一下', description: '随便问问' }))

    const trained = await request.post('/api/v1/dispatch/model/train').set(world.admin.auth).send({})
    expect(trained.status).toBe(200)
    expect(dispatchTrainResultSchema.parse(trained.body)).toMatchObject({
      samples: 12,
      // The seed lexicon knows every default category before any case names it.
      categories: 17,
      units: 3,
    })
    expect(trained.body.accuracy.top3).toBeGreaterThanOrEqual(trained.body.accuracy.top1)

    const answer = await request
      .post('/api/v1/dispatch/suggest')
      .set(world.admin.auth)
      .send({ title: '我家楼上漏水', description: '天花板一直滴水，好几天了' })
    expect(answer.status).toBe(200)
    const suggestion = dispatchSuggestionSchema.parse(answer.body)
    expect(suggestion.categories[0]).toMatchObject({ code: 'housing.repair', name: '房屋维修' })
    expect(suggestion.categories[0]!.terms).toContain('漏水')
    expect(suggestion.units[0]).toMatchObject({ unitId: world.housing.id, name: '住建局' })
    expect(suggestion.units[0]!.terms).toContain('漏水')
    expect(suggestion.units[0]!.score).toBeGreaterThan(suggestion.units[1]!.score)
    // Twelve cases cannot vouch for 99 %: nothing would be dispatched automatically.
    expect(suggestion.auto).toBe(false)

    const leader = await request
      .post('/api/v1/dispatch/suggest')
      .set(world.districtLeader.auth)
      .send({ title: '网吧' })
    expect(leader.status).toBe(200)
    for (const denied of [world.resident, world.cultureHandler]) {
      expect(
        (await request.post('/api/v1/dispatch/suggest').set(denied.auth).send({ title: '网吧' })).status,
      ).toBe(403)
      expect((await request.post('/api/v1/dispatch/model/train').set(denied.auth).send({})).status).toBe(403)
    }
    const tooLong = await request
      .post('/api/v1/dispatch/suggest')
      .set(world.admin.auth)
      .send({ title: '长'.repeat(201) })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.error.issues[0].path).toBe('title')

    // Residents get categories while typing, never the units.
    const typing = await request
      .post('/api/v1/dispatch/categories')
      .set(world.resident.auth)
      .send({ title: '网吧里有小学生' })
    expect(typing.status).toBe(200)
    expect(typing.body.categories[0]).toMatchObject({ code: 'culture.netcafe', name: '网吧' })
    expect(typing.body.units).toBeUndefined()
  })

  it('learns from a correction: a dispatcher routes a queued case by hand and the next similar case is suggested there', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    await RoutingRuleModel.deleteMany({})
    await settled(world, history(world))
    const topic = { title: '快递柜坏了', description: '小区门口的智能快递柜屏幕坏了，取不了快递' }
    await request.post('/api/v1/dispatch/model/train').set(world.admin.auth).send({})
    const before = await request.post('/api/v1/dispatch/suggest').set(world.admin.auth).send(topic)
    // The correction goes to a unit the model did not put first.
    const target = [world.culture, world.housing, world.street].find(
      (unit) => unit.id !== before.body.units[0].unitId,
    )!

    const { body: queued } = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ categoryCode: 'other', ...topic }))
    expect(queued.status).toBe('submitted')
    const dispatched = await request
      .post(`/api/v1/cases/${queued.id}/transitions`)
      .set(world.admin.auth)
      .send({ action: 'dispatch', unitId: target.id, reason: '试点由该单位牵头' })
    expect(dispatched.status).toBe(200)

    const retrained = await request.post('/api/v1/dispatch/model/train').set(world.admin.auth).send({})
    expect(retrained.body.samples).toBe(13)
    const after = await request
      .post('/api/v1/dispatch/suggest')
      .set(world.admin.auth)
      .send({ title: '快递柜', description: '楼下快递柜又坏了' })
    expect(after.body.units[0]).toMatchObject({ unitId: target.id })
    expect(after.body.units[0].terms).toContain('快递')
    expect(after.body.units[0].terms).not.toContain('other')
  })

  it('the scheduled job retrains once corrections accumulate, not before', async () => {
    const clock = manualClock()
    const { request, deps } = testApp({ clock })
    const world = await caseWorld(request)
    await RoutingRuleModel.deleteMany({})
    expect(await retrainIfCorrected(deps)).toMatchObject({ retrained: true, samples: 0 })
    expect(await retrainIfCorrected(deps)).toMatchObject({ retrained: false, corrections: 0 })
    clock.advance(60_000)
    for (let index = 0; index < retrainAfterCorrections; index++) {
      const { body } = await request
        .post('/api/v1/cases')
        .set(world.resident.auth)
        .send(
          caseBody({ categoryCode: 'other', title: `路灯坏了${index}`, description: '小巷子里的路灯不亮' }),
        )
      await request
        .post(`/api/v1/cases/${body.id}/transitions`)
        .set(world.admin.auth)
        .send({ action: 'dispatch', unitId: world.street.id, reason: '属地' })
    }
    expect(await retrainIfCorrected(deps)).toMatchObject({
      retrained: true,
      samples: retrainAfterCorrections,
    })
    expect(await retrainIfCorrected(deps)).toMatchObject({ retrained: false })
  })
})
