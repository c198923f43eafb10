import { afterEach, describe, expect, it, vi } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { manualClock, testApp } from '../../test/testApp'
import { CaseModel } from './case.model'
import { commitChange, loadCase } from './commitChange'

afterEach(() => vi.restoreAllMocks())

describe('commitChange', () => {
  it('succeeds when another reader applied its event between its two writes (loadCase recovery)', async () => {
    const { request } = testApp({ clock: manualClock() })
    const world = await caseWorld(request)
    const { body: created } = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
    const record = await loadCase(created.id)

    // Between this commit's event insert and its case update, another instance loads the case:
    // it finds the event not yet reflected and applies it, as it would after a crash.
    const update = CaseModel.findOneAndUpdate.bind(CaseModel)
    let interleaved = false
    vi.spyOn(CaseModel, 'findOneAndUpdate').mockImplementation(((...args: Parameters<typeof update>) => {
      if (!interleaved) {
        interleaved = true
        return loadCase(created.id).then(() => update(...args)) as never
      }
      return update(...args)
    }) as never)

    const updated = await commitChange(
      record,
      { to: 'rejected', set: { closedReason: 'test' }, inc: {}, involveUnitIds: [] },
      {
        action: 'reject',
        actor: { userId: null, role: 'system', unitId: null },
        at: new Date(),
        public: true,
      },
    )
    expect(interleaved).toBe(true)
    expect(updated.status).toBe('rejected')
    expect(updated.eventSeq).toBe(record.eventSeq + 1)
  })
})
