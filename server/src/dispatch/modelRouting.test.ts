import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { testApp } from '../../test/testApp'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { loadEvaluationSet } from './evaluation/evaluationSet'

describe('routing with the model after the explicit rules', { timeout: 900_000 }, () => {
  it('a rule wins; otherwise a confident suggestion dispatches with its reason on the case, and a person can override it', async () => {
    const { request } = testApp()
    const world = await caseWorld(request)
    const units: Record<string, string> = {
      和平区文化和旅游局: world.culture.id,
      和平区住房和城乡建设局: world.housing.id,
      幸福街道: world.street.id,
      幸福社区: world.street.id,
      和平区: world.district.id,
    }
    const at = new Date('2025-06-01T10:00:00+08:00')
    const rows = loadEvaluationSet().filter((row) => row.split === 'train')
    await CaseModel.insertMany(
      rows.map((row, index) => ({
        number: `HIS-${index}`,
        clientId: randomUUID(),
        submittedAt: at,
        createdBy: world.admin.user.id,
        source: 'hotline',
        kind: 'complaint',
        categoryCode: row.categoryCode,
        title: row.text.slice(0, 10),
        description: row.text,
        urgency: 'general',
        status: 'closed',
        closedReason: 'byStaff',
        unitId: units[row.unit],
        routing: { kind: 'dispatchCentre', reason: '历史', decidedAt: at },
        deadlines: {},
      })),
    )
    // Before any training this instance has no model: the case waits in the queue.
    const untrained = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(
        caseBody({
          categoryCode: 'other',
          title: '楼上卫生间漏水',
          description: '我家天花板都泡烂了，找他们也不管',
        }),
      )
    expect(untrained.body).toMatchObject({ status: 'submitted', routing: { kind: 'dispatchCentre' } })

    const trained = await request.post('/api/v1/dispatch/model/train').set(world.admin.auth).send({})
    expect(trained.body.auto.threshold).not.toBeNull()

    const leak = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(
        caseBody({
          categoryCode: 'other',
          title: '楼上卫生间漏水',
          description: '我家天花板都泡烂了，找他们也不管',
        }),
      )
    expect(leak.body).toMatchObject({
      status: 'dispatched',
      unitId: world.housing.id,
      routing: { kind: 'model' },
    })
    expect(leak.body.routing.reason).toMatch(/^模型: 关键词 \S+ → 住建局, 置信度 0\.\d\d$/)
    expect(leak.body.routing.reason).toContain('漏水')
    const events = await CaseEventModel.find({ caseId: leak.body.id }).sort({ seq: 1 })
    expect(events.map((event) => event.action)).toEqual(['submit', 'dispatch', 'firstReply'])
    expect(events[1]!.reason).toBe(leak.body.routing.reason)
    // The resident reads why (PIPL art. 24): the reason is on their view of the case.
    const own = await request.get(`/api/v1/cases/${leak.body.id}`).set(world.resident.auth)
    expect(own.body.routing.reason).toBe(leak.body.routing.reason)

    // A rule always wins over the model, however confident (文化类 → 文旅局).
    const ruled = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(
        caseBody({
          categoryCode: 'culture.facility',
          title: '楼上卫生间漏水',
          description: '我家天花板都泡烂了',
        }),
      )
    expect(ruled.body).toMatchObject({ unitId: world.culture.id, routing: { kind: 'rule' } })

    // Overridable: the dispatch centre transfers the automatic decision elsewhere.
    const overridden = await request
      .post(`/api/v1/cases/${leak.body.id}/transitions`)
      .set(world.admin.auth)
      .send({ action: 'transfer', unitId: world.street.id, reason: '属地先行处置' })
    expect(overridden.status).toBe(200)
    expect(overridden.body.unitId).toBe(world.street.id)

    // Unsure text (nothing the model knows): it waits in the queue, no automatic decision.
    const unsure = await request
      .post('/api/v1/cases')
      .set(world.resident.auth)
      .send(caseBody({ categoryCode: 'other', title: '咨询', description: '想问一下这个怎么弄' }))
    expect(unsure.body).toMatchObject({ status: 'submitted', routing: { kind: 'dispatchCentre' } })
  })
})
