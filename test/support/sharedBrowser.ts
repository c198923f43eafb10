import { chromium } from 'playwright-core'
import { browserEndpointVariable, chromiumOptions } from './browser'

/** globalSetup: one Chromium for the run; each test file connects to it (launchChromium). */
export default async function setup() {
  const server = await chromium.launchServer(chromiumOptions)
  process.env[browserEndpointVariable] = server.wsEndpoint()
  return () => server.close()
}
