import { transitions, type CaseAction } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import { audiencesFor } from './recipients'

const caseActionsForTest: Array<CaseAction | 'submit'> = [
  'submit',
  ...(Object.keys(transitions) as CaseAction[]),
]

describe('audiencesFor', () => {
  it('never tells the resident about internal steps', () => {
    for (const action of caseActionsForTest) {
      expect(audiencesFor(action, { routed: true, isPublic: false }).resident, action).toBe(false)
    }
  })

  it('sends a reopen to the unit and its leaders at once', () => {
    expect(audiencesFor('rate', { routed: true, reopened: true })).toMatchObject({
      unitHandlers: true,
      unitLeaders: true,
    })
    expect(audiencesFor('reopen', { routed: true })).toMatchObject({
      unitHandlers: true,
      unitLeaders: true,
      resident: true,
    })
  })

  it('routes new cases to the unit, or to the dispatch centre when unrouted', () => {
    expect(audiencesFor('submit', { routed: true })).toMatchObject({
      unitHandlers: true,
      dispatchCentre: false,
    })
    expect(audiencesFor('submit', { routed: false })).toMatchObject({
      unitHandlers: false,
      dispatchCentre: true,
    })
  })
})
