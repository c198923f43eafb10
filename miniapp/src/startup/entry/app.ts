import { inSeparateTasks } from '../inSeparateTasks'

/**
 * The H5 build's entry, in place of Taro's (config/index.ts; named app.ts with the app's config
 * re-exported beside it, since Taro's build finds the app config by the entry's name). Taro's
 * generated entry (app.config, through Taro's H5 loader) imports React DOM, Taro's runtime, its router and the app
 * at once, so evaluating them was one task of ~0.7-1.4 s under Lighthouse's 4x CPU throttling, the
 * largest part of every page's Total Blocking Time. Here the big libraries are evaluated first,
 * each in a task of its own, and Taro's entry last: each library runs once (webpack keeps the
 * module), so the entry then finds them ready. The eager imports stay in the same script files;
 * only zod, which every page's forms and API answers use, is a chunk of its own, fetched from the
 * start and evaluated before the page that needs it arrives. `webpackExports` names one export
 * that Taro's entry imports anyway: a dynamic import otherwise keeps every export of the package
 * (all of Taro's H5 APIs), which tripled the start scripts to 961 KiB.
 */
const zod = import('zod')
void inSeparateTasks([
  () => import(/* webpackMode: "eager" */ 'react'),
  () => import(/* webpackMode: "eager" */ 'react-dom/client'),
  () => import(/* webpackMode: "eager", webpackExports: ["window"] */ '@tarojs/runtime'),
  () => import(/* webpackMode: "eager", webpackExports: ["initPxTransform"] */ '@tarojs/taro'),
  () => import(/* webpackMode: "eager" */ '@tarojs/plugin-platform-h5/dist/runtime'),
  () => import(/* webpackMode: "eager", webpackExports: ["createRouter"] */ '@tarojs/router'),
  () =>
    import(
      /* webpackMode: "eager", webpackExports: ["createReactApp"] */ '@tarojs/plugin-framework-react/dist/runtime'
    ),
  () => zod,
  () => import(/* webpackMode: "eager" */ '../../app.config'),
]).catch((error: unknown) => {
  // The app cannot start: say so where a developer looks (the start screen stays up).
  console.error('[minqing] start failed', error)
})
