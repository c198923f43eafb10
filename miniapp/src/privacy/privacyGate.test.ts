import { privacyGuide } from '@minqing/shared'
import { describe, expect, it } from 'vitest'
import {
  agreeButtonId,
  createPrivacyGate,
  type PrivacyStore,
  type StoredPrivacyDecision,
} from './privacyGate'

function memoryStore(initial: StoredPrivacyDecision | null = null): PrivacyStore & { value: unknown } {
  const store = {
    value: initial as StoredPrivacyDecision | null,
    read: () => store.value,
    write: (value: StoredPrivacyDecision | null) => {
      store.value = value
    },
  }
  return store
}

describe('privacy gate', () => {
  it('opens the dialog on first use and lets the API run after agreement, remembered', async () => {
    const store = memoryStore()
    const gate = createPrivacyGate(store)
    const shown: unknown[] = []
    gate.subscribe((prompt) => shown.push(prompt))

    const first = gate.request('location')
    expect(gate.current()).toEqual({ purpose: 'location' })
    gate.decide('agree')
    await expect(first).resolves.toBe(true)
    expect(shown).toEqual([{ purpose: 'location' }, null])
    expect(store.value).toMatchObject({ decision: 'agree', version: privacyGuide.version })

    // Second use: no dialog.
    await expect(gate.request('photos')).resolves.toBe(true)
    expect(gate.current()).toBeNull()
  })

  it('answers false on refusal, stores it, and asks again on the next use', async () => {
    const store = memoryStore()
    const gate = createPrivacyGate(store)
    const refused = gate.request('photos')
    gate.decide('disagree')
    await expect(refused).resolves.toBe(false)
    expect(store.value).toMatchObject({ decision: 'disagree' })

    const again = gate.request('photos')
    expect(gate.current()).toEqual({ purpose: 'photos' })
    gate.decide('agree')
    await expect(again).resolves.toBe(true)
  })

  it('asks again when the guide changed since the stored agreement', async () => {
    const gate = createPrivacyGate(memoryStore({ version: '2000-01-01', decision: 'agree', at: '' }))
    expect(gate.agreed()).toBe(false)
    void gate.request('location')
    expect(gate.current()).not.toBeNull()
  })

  it("answers WeChat's onNeedPrivacyAuthorization with the agree button's id, or disagree", () => {
    const gate = createPrivacyGate(memoryStore())
    const calls: unknown[] = []
    gate.onWechatNeedsAuthorization((option) => calls.push(option))
    expect(gate.current()).toEqual({ purpose: 'wechat' })
    gate.decide('agree')
    expect(calls).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: agreeButtonId }])

    const refusals: unknown[] = []
    gate.withdraw()
    gate.onWechatNeedsAuthorization((option) => refusals.push(option))
    gate.decide('disagree')
    expect(refusals).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }])
  })

  it('several callers waiting on one dialog are all answered', async () => {
    const gate = createPrivacyGate(memoryStore())
    const a = gate.request('location')
    const b = gate.request('photos')
    gate.decide('agree')
    await expect(Promise.all([a, b])).resolves.toEqual([true, true])
  })
})
