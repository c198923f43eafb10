import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { serviceWorkerPlugin } from './serviceWorker'
import devConfig from './dev'
import prodConfig from './prod'

const sharedSource = path.resolve(__dirname, '../../shared/src')
const platform = process.env.TARO_ENV ?? 'h5'
// H5 is served by the API server itself, so it calls the same origin; the mini-program needs
// the server's full address (WeChat requires a registered HTTPS domain in production).
const apiBase =
  platform === 'h5'
    ? (process.env.MINQING_API_BASE ?? '')
    : (process.env.MINQING_API_BASE ?? 'http://127.0.0.1:3000')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'minqing',
    date: '2026-11-23',
    // NutUI is designed at 375px, our own styles at 750px (Taro's default).
    designWidth(input) {
      const file = typeof input === 'object' && input ? (input as { file?: string }).file : undefined
      return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${platform}`,
    plugins: [],
    defineConstants: { API_BASE: JSON.stringify(apiBase) },
    alias: { '@minqing/shared': sharedSource },
    // The H5 favicon is served from the site root (browsers ask for /favicon.ico).
    copy: {
      patterns:
        platform === 'h5'
          ? [
              { from: 'src/static/favicon.ico', to: `dist/h5/favicon.ico` },
              { from: 'src/static/favicon.svg', to: `dist/h5/favicon.svg` },
            ]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSource] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      // Taro splits only the initial chunks, and every page is loaded as an async chunk: each page
      // carried its own copy of NutUI, zod and shared (~300 KiB apiece, the admin pages 755 KiB).
      // Splitting all chunks lets pages share those modules and the browser cache them once.
      webpackChain(chain) {
        // But Taro's minSize 0 then made a chunk of every set of pages sharing a module: the login
        // page loaded 35 files (1-100 KiB), and creating their <script>/<link> tags and running
        // each one was a quarter of its startup under Lighthouse's 4x CPU throttling. Shared
        // modules under 20 KB stay in the pages using them, and a page waits on at most 6 files.
        const splitChunks = chain.optimization.get('splitChunks') as Record<string, unknown> | false
        if (splitChunks)
          chain.optimization.splitChunks({
            ...splitChunks,
            chunks: 'all',
            minSize: 20_000,
            maxAsyncRequests: 6,
            maxInitialRequests: 4,
          })
        // shared/ has no import-time side effects (dayjs.extend runs where it is used): without
        // saying so, every page that imports one label from the barrel carried every schema in it.
        chain.module
          .rule('sharedSideEffectFree')
          .test(/\.tsx?$/)
          .include.add(sharedSource)
          .end()
          .set('sideEffects', false)
        // ui/nutui.ts only re-exports one module per NutUI component (each with its stylesheet):
        // said to be free of side effects, each page gets only the components it imports instead
        // of every one that any page imports (TextArea and Switch brought Stencil to the login page).
        chain.module
          .rule('nutuiBarrelSideEffectFree')
          .test(/[\\/]src[\\/]ui[\\/]nutui\.ts$/)
          .set('sideEffects', false)
        // Grid workers open the app where there is no signal: the service worker keeps it on the phone.
        if (process.env.NODE_ENV !== 'development') chain.plugin('serviceWorker').use(serviceWorkerPlugin())
      },
      // Taro's React components (div/span/input) instead of its Stencil web components: each
      // custom element was defined, upgraded and styled on the main thread, and loaded in waves of
      // tiny chunks as a page first used it; Lighthouse put the login page's LCP at 8 s, nearly all
      // of it script work. Components without a React version (Textarea, Switch, Canvas) keep theirs.
      useHtmlComponents: true,
      publicPath: '/',
      // src/index.html writes the stylesheet and script tags itself (scripts after the first frame).
      htmlPluginOption: { inject: false },
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedSource] },
      esnextModules: ['@nutui/nutui-react-taro'],
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
