import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { sequenceAllocator, sequenceBlockSize } from './sequence'

describe('block-allocated sequences', () => {
  it('two instances drawing 100 numbers at once never share one, with a few database round trips per block, not one per number', async () => {
    const first = sequenceAllocator()
    const second = sequenceAllocator()
    const commands: string[] = []
    const client = mongoose.connection.getClient()
    const onCommand = (event: { commandName: string }) => commands.push(event.commandName)
    client.on('commandStarted', onCommand)
    const numbers = await Promise.all(
      Array.from({ length: 100 }, (_, index) => (index % 2 ? first : second)('test-seq:blocks')),
    )
    client.off('commandStarted', onCommand)
    expect(new Set(numbers).size).toBe(100)
    expect(Math.min(...numbers)).toBe(1)
    // 100 numbers in blocks of 20: each instance takes three blocks at most, each a claim (and a
    // retry when the other instance took that block first) and a hint; one claim per number before.
    const blocksEach = Math.ceil(50 / sequenceBlockSize)
    expect(commands.length).toBeLessThanOrEqual(2 * (1 + blocksEach * 3) + 4)
    // Within one instance the numbers increase.
    const again = await first('test-seq:blocks')
    expect(again).toBeGreaterThan(Math.max(...numbers.filter((_, index) => index % 2)))
  })

  it('a restarted instance continues after every block handed out before, on a fresh allocator', async () => {
    const before = sequenceAllocator()
    const used = [await before('test-seq:restart'), await before('test-seq:restart')]
    expect(used).toEqual([1, 2])
    const restarted = sequenceAllocator()
    expect(await restarted('test-seq:restart')).toBe(sequenceBlockSize + 1)
  })
})
