import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { launchChromium } from './browser'
import { startServer, waitUntilReady, type RunningServer } from './server'
import { sharedServerDatabaseVariable, sharedServerVariable } from './sharedServer'

/** The run's shared server (sharedServer.ts) once it is ready; never stopped by a file. */
async function sharedServer(): Promise<RunningServer> {
  const baseUrl = process.env[sharedServerVariable]
  const mongoUri = process.env[sharedServerDatabaseVariable]
  if (!baseUrl || !mongoUri)
    throw new Error('no shared test server: is support/sharedServer.ts a globalSetup?')
  if (!(await waitUntilReady(baseUrl))) throw new Error(`the shared test server at ${baseUrl} is not ready`)
  const refuse = () => Promise.reject(new Error('the shared test server is stopped by its globalSetup only'))
  return { baseUrl, mongoUri, output: () => '', kill: refuse, stop: refuse }
}

/**
 * A browser test file's server (built H5 app + demo data) and Chromium, started before its tests
 * and stopped after them. Read them inside tests: `app.server`.
 *
 * By default the file gets a server and database of its own. `shared: true` uses the run's one
 * shared server instead (support/sharedServer.ts), for a file whose tests hold whatever other
 * files' records are there: they add only records of their own, assert no counts or "first"
 * items of lists others can add to, change no demo account, setting or demo record that another
 * file reads, and never stop the server. Opt-in, so that a new file is isolated until someone has
 * checked that.
 */
export function serverAndBrowser(options: { shared?: boolean } = {}): {
  server: RunningServer
  browser: Browser
} {
  const app = {} as { server: RunningServer; browser: Browser }
  beforeAll(async () => {
    app.server = options.shared ? await sharedServer() : await startServer(inject('mongoUri'))
    app.browser = await launchChromium()
  })
  afterAll(async () => {
    await app.browser?.close()
    if (!options.shared) await app.server?.stop()
  })
  return app
}
