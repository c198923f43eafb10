import { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { appendEvent, appendEvents, type NewEvent } from './caseEvents'
import { CaseEventModel } from './caseEvent.model'

const event = (caseId: Types.ObjectId, seq: number): NewEvent => ({
  caseId,
  seq,
  action: seq === 1 ? 'submit' : 'dispatch',
  from: null,
  to: 'submitted',
  actor: { userId: null, role: 'system', unitId: null },
  at: new Date('2026-03-02T01:00:00Z'),
})

describe('appending case events', () => {
  it('stores a batch in one call, and on a taken sequence stops there and says so', async () => {
    const fresh = new Types.ObjectId()
    expect(await appendEvents([event(fresh, 1), event(fresh, 2)])).toBe(true)
    expect((await CaseEventModel.find({ caseId: fresh }).sort({ seq: 1 })).map((row) => row.seq)).toEqual([
      1, 2,
    ])

    // Another writer took seq 2 first: the batch stores seq 1, refuses at 2, and one-by-one
    // appends then tell exactly which events were this writer's.
    const raced = new Types.ObjectId()
    expect(await appendEvent(event(raced, 2))).toBe(true)
    expect(await appendEvents([event(raced, 1), event(raced, 2)])).toBe(false)
    expect(await CaseEventModel.countDocuments({ caseId: raced })).toBe(2)
    expect(await appendEvent(event(raced, 1))).toBe(false)
  })
})
