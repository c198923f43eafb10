import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const weapp = path.join(root, 'miniapp/dist/weapp')
const source = path.join(root, 'miniapp/src')

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc?: string }>
  __usePrivacyCheck__?: boolean
}

/** WeChat's published limits: each package ≤ 2 MB, all together ≤ 20 MB; ours: main ≤ 1 MB. */
const MB = 1024 * 1024
const limits = { eachPackage: 2 * MB, total: 20 * MB, mainPackage: 1 * MB }

/** The location APIs WeChat requires in `requiredPrivateInfos` before they work when released. */
const declaredLocationApis = [
  'getLocation',
  'getFuzzyLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
]

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? files(full) : [full]
  })
}

function bytes(dir: string, skip: (relative: string) => boolean = () => false): number {
  return files(dir)
    .filter((file) => !skip(path.relative(dir, file)))
    .reduce((sum, file) => sum + statSync(file).size, 0)
}

let app: AppJson

beforeAll(() => {
  // CI builds weapp before the tests; locally this builds only when the sources are newer.
  execFileSync('node', [path.join(root, 'miniapp/scripts/build-if-stale.mjs'), '--type=weapp'], {
    stdio: 'inherit',
  })
  app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as AppJson
}, 600_000)

describe('the built mini-program meets WeChat platform rules', () => {
  it('declares every location API the app calls in requiredPrivateInfos, with a reason', () => {
    const used = new Set<string>()
    for (const file of files(source).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))) {
      const text = readFileSync(file, 'utf8')
      for (const api of declaredLocationApis) if (new RegExp(`Taro\\.${api}\\(`).test(text)) used.add(api)
    }
    expect(used.size).toBeGreaterThan(0)
    for (const api of used) expect(app.requiredPrivateInfos).toContain(api)
    expect(app.permission?.['scope.userLocation']?.desc?.length ?? 0).toBeGreaterThan(4)
  })

  it('opts in to the privacy check and keeps the privacy guide page in the main package', () => {
    expect(app.__usePrivacyCheck__).toBe(true)
    expect(app.pages).toContain('pages/privacy/index')
  })

  it('has WXML, JS, JSON (well-formed) for every page', () => {
    const pages = [
      ...app.pages,
      ...(app.subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
    ]
    expect(pages.length).toBeGreaterThan(20)
    for (const page of pages) {
      for (const ext of ['js', 'wxml', 'json'])
        expect(existsSync(path.join(weapp, `${page}.${ext}`)), page).toBe(true)
      expect(() => JSON.parse(readFileSync(path.join(weapp, `${page}.json`), 'utf8')), page).not.toThrow()
    }
  })

  it('keeps each package within WeChat limits and the main package within 1 MB', () => {
    const roots = (app.subPackages ?? []).map((sub) => sub.root.replace(/\/$/, ''))
    const inSub = (relative: string) => roots.some((r) => relative === r || relative.startsWith(`${r}/`))
    const main = bytes(weapp, (relative) => inSub(relative) || relative.startsWith('.'))
    expect(main).toBeLessThanOrEqual(limits.mainPackage)
    let total = main
    for (const sub of roots) {
      const size = bytes(path.join(weapp, sub))
      expect(size, sub).toBeLessThanOrEqual(limits.eachPackage)
      total += size
    }
    expect(total).toBeLessThanOrEqual(limits.total)
  })
})
