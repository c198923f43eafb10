import mongoose from 'mongoose'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { metricsRegistry } from '../metrics/registry'
import { runInBackground } from './backgroundWork'

async function backgroundCommands(): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('minqing_db_background_commands_total')?.get()
  return metric?.values.reduce((total, { value }) => total + value, 0) ?? 0
}

/**
 * In a fresh Node process (vitest installs promise hooks of its own): the async id a promise
 * reaction runs under before and after a background run — 0 unless promise hooks are installed.
 */
async function promiseReactionIdsAroundARun(): Promise<number[]> {
  const module = fileURLToPath(new URL('./backgroundWork.ts', import.meta.url))
  const script = `
    import { executionAsyncId } from 'node:async_hooks'
    import { runInBackground } from ${JSON.stringify(module)}
    const probe = () => Promise.resolve().then(() => executionAsyncId())
    const before = await probe()
    await runInBackground(async () => { await null })
    console.log(JSON.stringify([before, await probe(), await probe()]))
  `
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    { cwd: fileURLToPath(new URL('../..', import.meta.url)) },
  )
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as number[]
}

describe('runInBackground', () => {
  // Anything concurrent is counted too (as with its CPU), so the run's own two are a lower bound.
  it('counts the commands sent while it runs as background, and none after it ended', async () => {
    const collection = mongoose.connection.collection('background_work_probe')
    const start = await backgroundCommands()
    await runInBackground(async () => {
      await collection.findOne({ _id: 'none' as never })
      await collection.findOne({ _id: 'none' as never })
    })
    const during = await backgroundCommands()
    expect(during - start).toBeGreaterThanOrEqual(2)
    await collection.findOne({ _id: 'none' as never })
    expect(await backgroundCommands()).toBe(during)
  })

  // Issue 18: an AsyncLocalStorage installs promise hooks for the whole process on Node 20, which
  // made every promise of every request dearer; the attribution must not need them.
  it('leaves promises untracked after a run (no promise hooks installed for it)', async () => {
    expect(await promiseReactionIdsAroundARun()).toEqual([0, 0, 0])
  }, 60_000)
})
