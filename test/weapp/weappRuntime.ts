import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'

/**
 * The `wx` API names of WeChat's base library, read from its official typings
 * (miniprogram-api-typings, published by WeChat): the members of `interface Wx`.
 */
export function officialWxApis(): Set<string> {
  const folder = path.dirname(
    createRequire(import.meta.url).resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts'),
  )
  const names = new Set<string>()
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.d.ts'))) {
    // Comments hold example code with braces of its own: drop them, then match the braces.
    const text = readFileSync(path.join(folder, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    for (
      let start = text.indexOf('interface Wx {');
      start !== -1;
      start = text.indexOf('interface Wx {', start + 1)
    ) {
      let depth = 0
      let end = start
      for (let i = text.indexOf('{', start); i < text.length; i++) {
        if (text[i] === '{') depth++
        else if (text[i] === '}' && --depth === 0) {
          end = i
          break
        }
      }
      for (const match of text.slice(start, end).matchAll(/^ {8}([a-zA-Z][a-zA-Z0-9]*)\??\s*[<(:]/gm))
        names.add(match[1]!)
    }
  }
  return names
}

/** A page instance as the WeChat runtime makes it from the config given to Page(). */
export interface LoadedPage {
  route: string
  data: Record<string, unknown>
  /** Every text node the page's data tree holds, in document order. */
  texts(): string[]
}

export interface WeappRuntimeOptions {
  /** The built mini-program (miniapp/dist/weapp). */
  root: string
  /** wx.request goes to this origin (the real server of the test), whatever the build's API base. */
  apiOrigin: string
  storage?: Record<string, unknown>
}

type Callbacks = {
  success?: (r: unknown) => void
  fail?: (e: unknown) => void
  complete?: (r: unknown) => void
}

/**
 * Runs the compiled mini-program the way WeChat's logic layer does — app.js first (which requires
 * the shared chunks), then a page's JS, App() and Page() as the globals the code calls, the page
 * instance's setData applied to its data — with the `wx` APIs served by a stand-in whose
 * wx.request is real HTTP to the test server. What the page renders is read from the data tree
 * Taro sends to the view layer (base.wxml renders it): text nodes are its `v` fields.
 * Every `wx.*` name the code touches is recorded, to check it against WeChat's official API list.
 */
export function createWeappRuntime(options: WeappRuntimeOptions) {
  const usedApis = new Set<string>()
  /** Names the code read from wx that the base library does not have. */
  const missingApis = new Set<string>()
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}))
  const errors: unknown[] = []
  let appConfig: Record<string, unknown> | null = null
  let pageConfig: Record<string, unknown> | null = null
  const pages: unknown[] = []

  const done = (o: Callbacks | undefined, result: unknown) => {
    o?.success?.(result)
    o?.complete?.(result)
    return Promise.resolve(result)
  }

  const known: Record<string, (...args: never[]) => unknown> = {
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getSystemInfo: (o?: Callbacks) => done(o, systemInfo),
    getMenuButtonBoundingClientRect: () => ({
      top: 48,
      bottom: 80,
      left: 281,
      right: 368,
      width: 87,
      height: 32,
    }),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorage: (o: Callbacks & { key: string }) =>
      storage.has(o.key)
        ? done(o, { data: storage.get(o.key) })
        : (o.fail?.({ errMsg: 'getStorage:fail' }), undefined),
    setStorage: (o: Callbacks & { key: string; data: unknown }) => (storage.set(o.key, o.data), done(o, {})),
    canIUse: () => true,
    nextTick: (fn: () => void) => void setTimeout(fn, 0),
    getLaunchOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: 1001 }),
    getEnterOptionsSync: () => ({ path: 'pages/home/index', query: {}, scene: 1001 }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx-test', envVersion: 'develop', version: '' } }),
    onNeedPrivacyAuthorization: () => undefined,
    getNetworkType: (o?: Callbacks) => done(o, { networkType: 'wifi' }),
    onNetworkStatusChange: () => undefined,
    request: (
      o: Callbacks & { url: string; method?: string; data?: unknown; header?: Record<string, string> },
    ) => {
      const url = new URL(o.url)
      const target = new URL(url.pathname + url.search, options.apiOrigin)
      const method = (o.method ?? 'GET').toUpperCase()
      const body = method === 'GET' || o.data === undefined ? undefined : JSON.stringify(o.data)
      fetch(target, { method, headers: { 'content-type': 'application/json', ...o.header }, body })
        .then(async (response) => {
          const text = await response.text()
          let data: unknown = text
          try {
            data = JSON.parse(text)
          } catch {
            // not JSON: given as text, as wx.request does
          }
          done(o, {
            statusCode: response.status,
            data,
            header: Object.fromEntries([...(response.headers as unknown as Map<string, string>).entries()]),
          })
        })
        .catch((error: Error) => {
          o.fail?.({ errMsg: `request:fail ${error.message}` })
          o.complete?.({ errMsg: 'request:fail' })
        })
      return { abort: () => undefined, onHeadersReceived: () => undefined }
    },
  }

  // wx holds exactly the base library's API names (Taro wires its Taro.* API from wx's keys): a
  // name the library lacks is undefined here as it is in WeChat. Calls are recorded; the APIs the
  // pages need answer like WeChat, any other answers success.
  const official = officialWxApis()
  const target: Record<string, unknown> = {}
  for (const name of official) {
    target[name] = (...args: unknown[]) => {
      usedApis.add(name)
      if (name in known) return (known[name] as (...a: unknown[]) => unknown)(...args)
      const o = args[0]
      return done(typeof o === 'object' && o ? (o as Callbacks) : undefined, { errMsg: `${name}:ok` })
    }
  }
  const wx = new Proxy(target, {
    get(object, name) {
      if (typeof name === 'string' && !(name in object) && name !== 'webpackJsonp') missingApis.add(name)
      return object[name as string]
    },
  })

  const context = vm.createContext({
    wx,
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    App: (config: Record<string, unknown>) => void (appConfig = config),
    Page: (config: Record<string, unknown>) => void (pageConfig = config),
    Component: (config: Record<string, unknown>) => void (pageConfig = config),
    Behavior: (config: unknown) => config,
    getApp: () => appConfig,
    getCurrentPages: () => pages,
    requirePlugin: () => ({}),
  })

  const modules = new Map<string, unknown>()
  function requireFile(file: string): unknown {
    const full = path.resolve(file.endsWith('.js') ? file : `${file}.js`)
    if (modules.has(full)) return (modules.get(full) as { exports: unknown }).exports
    const module = { exports: {} as unknown }
    modules.set(full, module)
    const source = readFileSync(full, 'utf8')
    const wrapped = vm.runInContext(`(function (require, module, exports) {${source}\n})`, context, {
      filename: full,
    }) as (r: (p: string) => unknown, m: unknown, e: unknown) => void
    wrapped((p) => requireFile(path.join(path.dirname(full), p)), module, module.exports)
    return module.exports
  }

  function launch() {
    requireFile(path.join(options.root, 'app.js'))
    if (!appConfig) throw new Error('app.js did not call App()')
    const app = appConfig as { onLaunch?: (o: unknown) => void; onShow?: (o: unknown) => void }
    app.onLaunch?.({ path: 'pages/home/index', query: {}, scene: 1001 })
    app.onShow?.({ path: 'pages/home/index', query: {}, scene: 1001 })
  }

  async function openPage(route: string, query: Record<string, string> = {}): Promise<LoadedPage> {
    pageConfig = null
    requireFile(path.join(options.root, `${route}.js`))
    const config = pageConfig as Record<string, unknown> | null
    if (!config) throw new Error(`${route}.js did not call Page()`)
    const instance = Object.assign(Object.create(null), config) as Record<string, unknown> & {
      data: Record<string, unknown>
    }
    instance.data = structuredClone((config.data as Record<string, unknown>) ?? {})
    instance.route = route
    instance.options = query
    instance.__wxExparserNodeId__ = `page-${pages.length}`
    instance.setData = (patch: Record<string, unknown>, callback?: () => void) => {
      for (const [key, value] of Object.entries(patch)) setPath(instance.data, key, value)
      if (callback) setTimeout(callback, 0)
    }
    instance.selectComponent = () => null
    instance.createSelectorQuery = () => selectorQuery
    pages.push(instance)
    const call = (name: string, ...args: unknown[]) =>
      typeof instance[name] === 'function'
        ? (instance[name] as (...a: unknown[]) => unknown)(...args)
        : undefined
    call('onLoad', query)
    call('onShow')
    call('onReady')
    return {
      route,
      data: instance.data,
      texts: () => collectTexts(instance.data.root),
    }
  }

  return { launch, openPage, usedApis, missingApis, storage, errors }
}

const systemInfo = {
  brand: 'devtools',
  model: 'iPhone 12',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 844,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 16.0',
  platform: 'devtools',
  SDKVersion: '3.5.0',
  safeArea: { top: 47, bottom: 810, left: 0, right: 390, width: 390, height: 763 },
}

const selectorQuery = {
  in: () => selectorQuery,
  select: () => selectorQuery,
  selectAll: () => selectorQuery,
  selectViewport: () => selectorQuery,
  boundingClientRect: () => selectorQuery,
  scrollOffset: () => selectorQuery,
  fields: () => selectorQuery,
  node: () => selectorQuery,
  exec: (callback?: (r: unknown[]) => void) => callback?.([]),
}

/** Applies one setData key ("root.cn.[0].cn.[2].v") to the data, as the WeChat runtime does. */
export function setPath(target: Record<string, unknown>, key: string, value: unknown) {
  const parts = key
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
  let node: Record<string, unknown> = target
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1) {
      node[part] = value
      return
    }
    if (typeof node[part] !== 'object' || node[part] === null)
      node[part] = /^\d+$/.test(parts[index + 1]!) ? [] : {}
    node = node[part] as Record<string, unknown>
  }
}

function collectTexts(node: unknown, out: string[] = []): string[] {
  if (!node || typeof node !== 'object') return out
  const record = node as { v?: unknown; cn?: unknown[] }
  if (typeof record.v === 'string' && record.v.trim()) out.push(record.v)
  for (const child of record.cn ?? []) collectTexts(child, out)
  return out
}
