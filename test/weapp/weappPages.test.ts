import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { startServer, type RunningServer } from '../support/server'
import { createWeappRuntime, officialWxApis, type LoadedPage } from './weappRuntime'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const weapp = path.join(root, 'miniapp/dist/weapp')

let server: RunningServer
beforeAll(async () => {
  execFileSync('node', [path.join(root, 'miniapp/scripts/build-if-stale.mjs'), '--type=weapp'], {
    stdio: 'inherit',
  })
  server = await startServer(inject('mongoUri'))
}, 600_000)
afterAll(() => server?.stop())

async function login(phone: string) {
  const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: 'minqing-demo' }),
  })
  expect(response.status).toBe(200)
  return (await response.json()) as { accessToken: string; user: { id: string } }
}

/** The compiled app with a signed-in person, as WeChat would start it. */
async function appFor(phone: string) {
  const session = await login(phone)
  const runtime = createWeappRuntime({
    root: weapp,
    apiOrigin: server.baseUrl,
    storage: { 'minqing.session': session },
  })
  runtime.launch()
  return { runtime, session }
}

/** Waits until the page's rendered text holds every expected string (React renders async). */
async function rendered(page: LoadedPage, expected: string[]): Promise<string> {
  const deadline = Date.now() + 20_000
  let text = ''
  while (Date.now() < deadline) {
    text = page.texts().join(' ')
    if (expected.every((item) => text.includes(item))) return text
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${page.route} rendered "${text.slice(0, 400)}" without ${expected.join(', ')}`)
}

describe('the compiled mini-program runs and renders its main pages (WeChat logic layer, wx stubbed)', () => {
  it('home shows a resident what they can do', async () => {
    const { runtime } = await appFor('13800000005')
    const page = await runtime.openPage('pages/home/index')
    await rendered(page, ['我要反映', '我的诉求'])
    expect([...runtime.missingApis]).toEqual([])
  })

  it('the submit form renders its kinds, categories and submit button with data from the server', async () => {
    const { runtime } = await appFor('13800000005')
    const page = await runtime.openPage('pages/cases/submit/index')
    await rendered(page, ['建议', '投诉', '文化服务', '提交'])
    expect([...runtime.missingApis]).toEqual([])
  })

  it('case detail shows a case the resident filed', async () => {
    const { runtime, session } = await appFor('13800000005')
    const created = await fetch(`${server.baseUrl}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', Authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({
        clientId: `weapp-${Date.now()}`,
        kind: 'suggestion',
        categoryCode: 'culture.library',
        title: '小程序里看诉求',
        description: '在编译后的小程序页面里查看这条诉求。',
      }),
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const page = await runtime.openPage('pages/cases/detail/index', { id })
    await rendered(page, ['小程序里看诉求', '待签收', '和平区文化和旅游局', '办理过程'])
    expect([...runtime.missingApis]).toEqual([])
  })

  it('the visit form renders for a grid worker', async () => {
    const { runtime } = await appFor('13800000004')
    const page = await runtime.openPage('pages/visits/new/index')
    await rendered(page, ['添加照片', '获取位置'])
    expect([...runtime.missingApis]).toEqual([])
  })

  it('every wx API the pages called is one the base library offers', async () => {
    const { runtime } = await appFor('13800000004')
    const pages = {
      'pages/home/index': ['新增走访'],
      'pages/profile/index': ['隐私保护指引', '长辈模式'],
      'pages/privacy/index': ['保存多久', '谁能看到'],
    }
    for (const [route, texts] of Object.entries(pages)) await rendered(await runtime.openPage(route), texts)
    const official = officialWxApis()
    expect(official.size).toBeGreaterThan(300)
    expect(runtime.usedApis.size).toBeGreaterThan(2)
    for (const name of runtime.usedApis) expect(official.has(name), name).toBe(true)
    expect([...runtime.missingApis]).toEqual([])
  })
})
