import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'
import { launchChromium } from './browser'
import { startServer, type RunningServer } from './server'

/**
 * A browser test file's server (built H5 app + demo data on its own database) and Chromium,
 * started before its tests and stopped after them. Read them inside tests: `app.server`.
 */
export function serverAndBrowser(): { server: RunningServer; browser: Browser } {
  const app = {} as { server: RunningServer; browser: Browser }
  beforeAll(async () => {
    app.server = await startServer(inject('mongoUri'))
    app.browser = await launchChromium()
  })
  afterAll(async () => {
    await app.browser?.close()
    await app.server?.stop()
  })
  return app
}
