import { describe, expect, it } from 'vitest'
import { inSeparateTasks } from './inSeparateTasks'

/** A macrotask queue by hand: `nextTask` resolves only when the test runs the next task. */
function taskQueue() {
  const queued: Array<() => void> = []
  return {
    nextTask: () => new Promise<void>((resolve) => queued.push(resolve)),
    async runNext() {
      queued.shift()?.()
      // Let the step and the awaits around it finish, as the rest of a task would.
      for (let i = 0; i < 10; i++) await Promise.resolve()
    },
    get waiting() {
      return queued.length
    },
  }
}

describe('inSeparateTasks', () => {
  it('runs each step in a task of its own, in order, and nothing before the first task', async () => {
    const tasks = taskQueue()
    const ran: string[] = []
    const done = inSeparateTasks(
      [() => ran.push('react-dom'), () => ran.push('router'), () => ran.push('app')],
      tasks.nextTask,
    )
    await Promise.resolve()
    expect(ran).toEqual([])
    await tasks.runNext()
    expect(ran).toEqual(['react-dom'])
    await tasks.runNext()
    expect(ran).toEqual(['react-dom', 'router'])
    await tasks.runNext()
    expect(ran).toEqual(['react-dom', 'router', 'app'])
    await done
    expect(tasks.waiting).toBe(0)
  })

  it('waits for a step that returns a promise (a chunk to load) before yielding for the next', async () => {
    const tasks = taskQueue()
    const ran: string[] = []
    let loaded: () => void = () => undefined
    const chunk = new Promise<void>((resolve) => (loaded = resolve))
    const done = inSeparateTasks(
      [() => chunk.then(() => ran.push('zod')), () => ran.push('app')],
      tasks.nextTask,
    )
    await tasks.runNext()
    expect(tasks.waiting).toBe(0)
    loaded()
    await tasks.runNext()
    expect(ran).toEqual(['zod'])
    await tasks.runNext()
    expect(ran).toEqual(['zod', 'app'])
    await done
  })

  it('stops at a step that fails and rejects with its error', async () => {
    const ran: string[] = []
    const failing = inSeparateTasks(
      [
        () => {
          throw new Error('chunk failed')
        },
        () => ran.push('app'),
      ],
      () => Promise.resolve(),
    )
    await expect(failing).rejects.toThrow('chunk failed')
    expect(ran).toEqual([])
  })

  it('yields with setTimeout where the browser has no scheduler.yield', async () => {
    const order: string[] = []
    setTimeout(() => order.push('earlier task'), 0)
    await inSeparateTasks([() => order.push('step')])
    expect(order).toEqual(['earlier task', 'step'])
  })
})
