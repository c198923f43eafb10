import { describe, expect, it } from 'vitest'
import { latestCall } from './latestCall'

/** Resolves `value` once `release` is called: answers that arrive in the order the test picks. */
const deferred = <T>(value: T) => {
  let release = () => {}
  const promise = new Promise<T>((resolve) => (release = () => resolve(value)))
  return { promise, release }
}

describe('latestCall', () => {
  it('delivers only the newest answer when an older one arrives last', async () => {
    const gate = latestCall()
    const shown: string[] = []
    const load = async (answer: Promise<string>) => {
      const isLatest = gate.begin()
      const value = await answer
      if (isLatest()) shown.push(value)
    }
    const unfiltered = deferred('all cases')
    const filtered = deferred('overdue only')
    const first = load(unfiltered.promise)
    const second = load(filtered.promise)
    filtered.release()
    await second
    unfiltered.release()
    await first
    expect(shown).toEqual(['overdue only'])
  })

  it('keeps a call current until another starts', () => {
    const gate = latestCall()
    const isLatest = gate.begin()
    expect(isLatest()).toBe(true)
    gate.begin()
    expect(isLatest()).toBe(false)
  })
})
