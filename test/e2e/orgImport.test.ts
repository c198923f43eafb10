import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { loggedInPage, visible } from '../support/browser'
import { serverAndBrowser } from '../support/e2eSetup'

const app = serverAndBrowser()
const desktop = { viewport: { width: 1280, height: 900 } }

const login = async (phone: string, password: string) => {
  const response = await fetch(`${app.server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  })
  return ((await response.json()) as { error?: { code: string } }).error?.code ?? 'ok'
}

/** The downloaded template filled in: the example rows replaced by these. */
async function fillTemplate(template: string, target: string, units: string[][], users: string[][]) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(template)
  for (const [name, rows] of [
    ['单位', units],
    ['人员', users],
  ] as const) {
    const sheet = book.getWorksheet(name)!
    sheet.spliceRows(2, sheet.rowCount)
    for (const row of rows) sheet.addRow(row)
  }
  await book.xlsx.writeFile(target)
}

async function chooseFile(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser')
  await visible(page, '.org-import-choose').click()
  await (await chooser).setFiles(file)
  await expect.poll(() => visible(page, '.org-import-file').innerText()).toBe(path.basename(file))
}

describe('H5 console: 批量导入 of units and staff', () => {
  it('an admin downloads the template, sees every bad row, fixes the file, imports, finds the staff, disables one who then cannot log in', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'minqing-org-'))
    const tag = String(Date.now()).slice(-5)
    const street = `光明街道${tag}`
    const community = `光明社区${tag}`
    const [one, two, three] = ['1', '2', '3'].map((last) => `1357${tag}0${last}`) as [string, string, string]
    const page = await loggedInPage(app.browser, app.server.baseUrl, '13800000001', desktop)
    await page.goto(`${app.server.baseUrl}/#/pages/admin/units/index`)
    // Reached from the units page.
    await page.locator('.nut-button:visible', { hasText: '批量导入单位与人员' }).click()
    await page.waitForURL(/admin\/orgImport/)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      visible(page, '.org-import-template').click(),
    ])
    expect(download.suggestedFilename()).toBe('单位人员导入模板.xlsx')
    const template = path.join(dir, 'template.xlsx')
    await download.saveAs(template)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(template)
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['单位', '人员', '填写说明'])

    // The units go under 和平区, found by search.
    await visible(page, '.org-import-parent input').fill('和平')
    await visible(page, '.unit-picker-option')
      .filter({ hasText: /^民安市 \/ 和平区$/ })
      .click()
    await expect.poll(() => visible(page, '.unit-picker-chosen').innerText()).toBe('已选：民安市 / 和平区')

    // Two bad rows: a phone too short, a role nobody has.
    const bad = path.join(dir, '光明街道-有误.xlsx')
    const units = [
      [street, '', '街道/乡镇'],
      [community, street, '社区/村'],
    ]
    await fillTemplate(template, bad, units, [
      ['周一', one, '干部/网格员', `${street}/${community}`, '干部'],
      ['周二', '1357', '承办人', street, ''],
      ['周三', three, '书记', '', ''],
    ])
    await chooseFile(page, bad)
    await visible(page, '.org-import-check').click()
    const errors = visible(page, '.org-import-errors')
    await expect.poll(() => errors.innerText()).toContain('角色「书记」不存在')
    const table = await errors.innerText()
    expect(table).toContain('第3行')
    expect(table).toContain('手机号应为11位手机号码')
    expect(table).toContain('第4行')
    expect(await visible(page, '.org-import-bad').innerText()).toContain('2 行有问题，整个文件都没有导入')
    expect(await visible(page, '.org-import-run').getAttribute('class')).toContain('disabled')
    // A disabled 导入 reads as one grey button: no coloured block behind its label (NutUI marks
    // the label with the disabled class too) and its label legible on the button (≥ 4.5 : 1).
    const look = await visible(page, '.org-import-run').evaluate((button) => {
      const label = button.querySelector('.nut-button-children')!
      const rgb = (value: string) =>
        value
          .match(/[\d.]+/g)!
          .slice(0, 3)
          .map(Number)
      const luminance = (value: string) => {
        const [r, g, b] = rgb(value).map((c) =>
          c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4,
        )
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
      }
      const [a, b] = [
        luminance(getComputedStyle(label).color),
        luminance(getComputedStyle(button).backgroundColor),
      ]
      return {
        labelBackground: getComputedStyle(label).backgroundColor,
        contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
      }
    })
    expect(look.labelBackground).toBe('rgba(0, 0, 0, 0)')
    expect(look.contrast).toBeGreaterThanOrEqual(4.5)
    await visible(page, '.org-import-result').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'artifacts/org-import-errors.png' })
    expect(await login(one, 'anything-at-all-1')).toBe('INVALID_CREDENTIALS') // nobody was created

    // Fixed, checked again, imported.
    const good = path.join(dir, '光明街道.xlsx')
    await fillTemplate(template, good, units, [
      ['周一', one, '干部/网格员', `${street}/${community}`, '干部'],
      ['周二', two, '承办人', street, ''],
      ['周三', three, '领导', '', '单位领导'],
    ])
    await chooseFile(page, good)
    await visible(page, '.org-import-check').click()
    await expect.poll(() => visible(page, '.org-import-good').innerText()).toContain('2 个单位、3 名人员')
    await visible(page, '.org-import-run').click()
    const activations = visible(page, '.org-import-activations')
    await expect.poll(() => activations.innerText()).toContain('周一')
    const rows = visible(page, '.org-import-activations .mq-table-row').filter({ hasText: one })
    const password = (await rows.locator('.org-import-password').innerText()).trim()
    expect(password.length).toBeGreaterThanOrEqual(10)
    await visible(page, '.org-import-result').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'artifacts/org-import-done.png' })
    expect(await login(one, password)).toBe('PASSWORD_CHANGE_REQUIRED')

    // The new staff in the units page, under their new unit.
    await page.locator('.nut-button:visible', { hasText: '到“单位与用户”查看' }).click()
    await page.waitForURL(/admin\/units/)
    await visible(page, '.console-link').filter({ hasText: community }).click()
    const person = visible(page, '.mq-table-row').filter({ hasText: '周一' })
    await expect.poll(() => person.innerText()).toContain(community)
    // The tree reads top-down: the new community right below its new street.
    const tree = await visible(page, '.console-link, .console-overdue').allInnerTexts()
    const at = (name: string) => tree.findIndex((text) => text.trim() === name)
    expect(at(community)).toBe(at(street) + 1)
    await person.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'artifacts/org-import-units-page.png' })

    // 待移交工作 of a newcomer: nothing yet.
    await person.locator('.units-open-work-button').click()
    await expect.poll(() => visible(page, '.units-open-work').innerText()).toContain('没有待移交的工作')

    // Moving the street under its own community is refused with the server's reason; a rename works.
    await visible(page, '.console-link').filter({ hasText: street }).click()
    await visible(page, '.units-move-picker input').fill(community)
    await visible(page, '.units-move-picker .unit-picker-option').first().click()
    await visible(page, '.units-move-button').click()
    await expect
      .poll(() => visible(page, '.units-editor-message').innerText())
      .toContain('不能把单位移到它自己或它的下级单位之下')
    await visible(page, '.units-editor').scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'artifacts/org-import-move-refused.png' })
    await visible(page, '.units-rename-input input').fill(`${street}（新）`)
    await visible(page, '.units-rename').click()
    await expect
      .poll(() => visible(page, '.units-editor .units-editor-title').innerText())
      .toContain(`${street}（新）`)
    await visible(page, '.console-link').filter({ hasText: community }).click()

    // Disabled: the one-time password no longer opens anything.
    await person.locator('.units-toggle-disabled').click()
    await page.getByText('确定停用？', { exact: false }).waitFor()
    await page.getByText('停用', { exact: true }).last().click()
    await expect.poll(() => person.innerText()).toContain('已停用')
    expect(await login(one, password)).toBe('ACCOUNT_DISABLED')
    await page.context().close()
  })
})
