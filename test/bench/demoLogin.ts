import type { Page } from 'playwright-core'

/**
 * Logs a demo account in through the login page (nothing when `phone` is empty), then waits for
 * the service worker to control the page, as the startup benches measure an installed app.
 */
export async function logInWithServiceWorker(page: Page, baseUrl: string, phone: string | undefined) {
  await page.goto(`${baseUrl}/#/pages/login/index`)
  if (phone) {
    await page.locator('input:visible').nth(0).fill(phone)
    await page.locator('input[type="password"]:visible').fill('minqing-demo')
    await page.locator('.nut-button', { hasText: /^登录$/ }).click()
    await page.waitForURL(/pages\/home/)
  }
  await page
    .waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 120_000 })
    .catch(() => page.reload())
}
