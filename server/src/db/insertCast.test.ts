import { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { CaseModel } from '../cases/case.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { appendEvent } from '../cases/caseEvents'
import { CaseSubjectModel } from '../repeatConcerns/repeatConcern.model'
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

  // Issue 18: the background step's subject and every commit's event go through the driver now;
  // the stored documents must not tell (the version key included).
  it('stores a case subject and an appended event as Model.create does, the version key included', async () => {
    const at = new Date('2026-03-02T09:00:00+08:00')
    const whole = async (model: typeof CaseSubjectModel, id: unknown) => {
      const { _id, ...rest } = (await model.findById(id).lean()) as Record<string, unknown>
      void _id
      return rest
    }
    const subject = (caseId: Types.ObjectId) => ({ caseId, householdId: null, phoneHash: 'h', at })
    const viaMongoose = await CaseSubjectModel.create(subject(new Types.ObjectId()))
    const [viaDriver] = await insertCast(CaseSubjectModel, [
      castNew(CaseSubjectModel, subject(new Types.ObjectId())),
    ])
    const mongooseStored = await whole(CaseSubjectModel, viaMongoose._id)
    expect(mongooseStored.__v).toBe(0)
    expect({ ...(await whole(CaseSubjectModel, viaDriver!._id)), caseId: 'x' }).toEqual({
      ...mongooseStored,
      caseId: 'x',
    })

    const caseId = new Types.ObjectId()
    const event = {
      caseId,
      seq: 3,
      action: 'firstReply',
      from: 'dispatched',
      to: 'dispatched',
      actor: { userId: null, role: 'system' as const, unitId: null },
      at,
      message: '您好',
      data: { unitId: String(caseId) },
    }
    expect(await appendEvent(event)).toBe(true)
    expect(await appendEvent(event)).toBe(false) // the sequence number is taken
    const created = await CaseEventModel.create({
      ...event,
      caseId: new Types.ObjectId(),
      public: true,
      attachments: [],
    })
    const appended = await CaseEventModel.findOne({ caseId, seq: 3 }).lean()
    const { _id: a, caseId: b, ...appendedRest } = appended as Record<string, unknown>
    const {
      _id: c,
      caseId: d,
      ...createdRest
    } = (await CaseEventModel.findById(created._id).lean()) as Record<string, unknown>
    void [a, b, c, d]
    expect(appendedRest).toEqual(createdRest)
  })
})
