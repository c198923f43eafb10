import { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { castNew, insertCast } from './insertCast'

const stored = async (model: typeof CaseModel | typeof CaseEventModel, id: Types.ObjectId) => {
  const { _id, createdAt, updatedAt, __v, ...rest } = (await (model as typeof CaseModel)
    .findById(id)
    .lean()) as Record<string, unknown>
  void [_id, createdAt, updatedAt, __v]
  return rest
}

describe('inserts through the driver, cast and defaulted as mongoose would', () => {
  it('stores a case and its event exactly as Model.create does, strings cast to ids and defaults filled', async () => {
    const at = new Date('2026-03-02T09:00:00+08:00')
    const unitId = new Types.ObjectId()
    const caseData = (clientId: string) => ({
      number: `MQ-cast-${clientId}`,
      clientId,
      submittedAt: at,
      createdBy: String(new Types.ObjectId('64b000000000000000000001')),
      source: 'residentApp',
      kind: 'suggestion',
      categoryCode: 'culture.library',
      title: '书屋开放时间',
      description: '希望农家书屋周末也能开放借书。',
      urgency: 'general',
      location: { lat: 39.1, lng: 117.2, address: '幸福村' },
      status: 'dispatched',
      unitId: String(unitId),
      involvedUnitIds: [String(unitId)],
      routing: { kind: 'rule', unitId: String(unitId), ruleId: null, reason: '规则', decidedAt: at },
      deadlines: { expectedAnswerBy: at, acceptBy: at, dueAt: at },
      eventSeq: 2,
    })
    const viaMongoose = await CaseModel.create(caseData('cast-a'))
    const [viaDriver] = await insertCast(CaseModel, [castNew(CaseModel, caseData('cast-b'))])
    expect(viaDriver!.id).toBe(String(viaDriver!._id))
    const expected = { ...(await stored(CaseModel, viaMongoose._id)), number: 'x', clientId: 'x' }
    expect({ ...(await stored(CaseModel, viaDriver!._id)), number: 'x', clientId: 'x' }).toEqual(expected)
    expect((await CaseModel.findById(viaDriver!._id))!.unitId).toBeInstanceOf(Types.ObjectId)

    const event = (caseId: Types.ObjectId) => ({
      caseId,
      seq: 1,
      action: 'submit',
      to: 'submitted',
      actor: { userId: String(viaMongoose.createdBy), role: 'resident', unitId: null },
      at,
      data: { source: 'residentApp' },
      outboxSlot: 7,
    })
    const [eventViaMongoose] = await CaseEventModel.insertMany([event(viaMongoose._id)])
    const [eventViaDriver] = await insertCast(CaseEventModel, [
      castNew(CaseEventModel, event(viaDriver!._id)),
    ])
    expect({ ...(await stored(CaseEventModel, eventViaDriver!._id)), caseId: 'x' }).toEqual({
      ...(await stored(CaseEventModel, eventViaMongoose!._id)),
      caseId: 'x',
    })
  })
})
