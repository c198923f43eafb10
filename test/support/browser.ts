import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Download, type Page } from 'playwright-core'

/** Where launchChromium finds the run's shared browser (set by sharedBrowser.ts, inherited by workers). */
export const browserEndpointVariable = 'MINQING_TEST_BROWSER_WS'

/** Debian's Chromium, never a downloaded browser; flags keep it off the (closed) network. */
export const chromiumOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  // The people this app serves hold phones on China time, and the app's date pickers default to the
  // phone's today. A CI machine's clock zone is UTC: from 16:00 to 24:00 UTC its "today" is the
  // server's yesterday (the server counts days in China time), and a ledger of "this month up to
  // today" left out a visit made a minute earlier.
  env: { ...process.env, TZ: 'Asia/Shanghai' },
}

/**
 * A browser for one test file. In a test run it is a connection to the run's one Chromium
 * (support/sharedBrowser.ts): a launch per file cost more than the file's first test, and every
 * test works in its own `browser.newContext()`, which is what isolates cookies, storage and
 * service workers. Closing the connection closes the contexts it made. Outside a run (a bench
 * script) it launches its own.
 */
export function launchChromium(): Promise<Browser> {
  const endpoint = process.env[browserEndpointVariable]
  return endpoint ? chromium.connect(endpoint) : chromium.launch(chromiumOptions)
}

/** Taro H5 keeps hidden pages in the DOM: only the visible copy of a selector counts. */
export const visible = (page: Page, selector: string) => page.locator(`${selector}:visible`)

/** A page logged in through the login form with a demo account: phone-sized unless told otherwise. */
export async function loggedInPage(
  browser: Browser,
  baseUrl: string,
  phone: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 390, height: 844 },
    locale: 'zh-CN',
    acceptDownloads: true,
  })
  const page = await context.newPage()
  await page.goto(baseUrl)
  await page.waitForURL(/pages\/login/)
  await visible(page, 'input').first().waitFor()
  await visible(page, 'input').nth(0).fill(phone)
  await visible(page, 'input[type="password"]').fill('minqing-demo')
  await page.locator('.nut-button', { hasText: /^登录$/ }).click()
  await page.waitForURL(/pages\/home/)
  return page
}

/**
 * Taps a photo button and gives the file chooser its files. The first privacy API of a fresh
 * browser opens the privacy agreement (隐私保护指引) first: agree to it when it is shown.
 */
export async function choosePhotos(page: Page, trigger: string, files: string | string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await visible(page, trigger).click()
  const agree = visible(page, '.mq-privacy-agree')
  const first = await Promise.race([
    chooser.then(() => 'chooser' as const),
    agree.waitFor().then(() => 'dialog' as const),
  ])
  if (first === 'dialog') await agree.click()
  await (await chooser).setFiles(files)
}

/**
 * A download saved where the test can read it. `download.path()` is not available from a browser
 * the test connected to (the run's shared Chromium, sharedBrowser.ts); `saveAs` is.
 */
export async function downloadedFile(download: Download): Promise<string> {
  const file = path.join(
    mkdtempSync(path.join(os.tmpdir(), 'minqing-download-')),
    download.suggestedFilename(),
  )
  await download.saveAs(file)
  return file
}
