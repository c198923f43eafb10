import { describe, expect, it } from 'vitest'
import { sweepAbilities } from '../../test/abilitiesSweep'

// The second half of abilities.test.ts's sweep, in a file of its own so both workers share it.
describe('abilities: the client shows exactly what the server allows (second half of the statuses × facts)', () => {
  it('for every status × actor × action: allowedActions is what the server accepts, and the client shows a control for each and nothing else', async () => {
    // The sweep exercised real permissions, not only refusals (more than 100 over both halves).
    expect(await sweepAbilities(1)).toBeGreaterThan(50)
  }, 600_000)
})
