import Taro, { getCurrentInstance, useLaunch } from '@tarojs/taro'
import { startTransition, useEffect, type PropsWithChildren } from 'react'
import { config as zodConfig } from 'zod'
import './app.css'
import { registerServiceWorker } from './offline/registerServiceWorker'
import { districtOfAddress, rememberDistrict } from './session/districtCode'
import { mountPagesInTransition } from './startup/pagesInTransition'
import { removeStartScreen } from './startup/startScreen'
import { visitQueueKey } from './visits/queueKey'

// zod probes `new Function` to compile fast parsers: the server's Content-Security-Policy
// (script-src without 'unsafe-eval') reports the probe as a violation, and WeChat forbids eval.
zodConfig({ jitless: true })
registerServiceWorker()
let markAppRendered: () => void = () => undefined
const appRendered = new Promise<void>((resolve) => (markAppRendered = resolve))
// Each page's first render in time slices instead of one long task (see pagesInTransition.ts);
// the template's start screen stays up until the first page is there to replace it.
if (process.env.TARO_ENV === 'h5')
  mountPagesInTransition(getCurrentInstance(), startTransition, appRendered, () => removeStartScreen())

/** Runs `work` once the first screen is up and the main thread has nothing else to do. */
function whenIdle(work: () => void) {
  const idle = () =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(work, { timeout: 3000 })
      : setTimeout(work, 0)
  if (document.readyState === 'complete') idle()
  else window.addEventListener('load', idle, { once: true })
}

function App({ children }: PropsWithChildren) {
  useEffect(() => markAppRendered(), [])
  // Visits saved offline go out when the network returns, whatever page the worker is on. Only
  // when visits are kept on this phone (the visit pages start it themselves for new ones), and
  // after the first screen: the sync code, shared's schemas and the photo store cost a quarter
  // second of script on a mid-range phone, which the login page of a resident must not wait for.
  // The mini-program starts it from the visit pages (its subpackage), keeping the main package small.
  useLaunch((options) => {
    // The district the link names (…?tenant=hedong) stays the app's for its public pages.
    rememberDistrict(
      options?.query?.tenant ?? (process.env.TARO_ENV === 'h5' ? districtOfAddress() : undefined),
    )
    if (process.env.TARO_ENV !== 'h5') return
    const queue: unknown = Taro.getStorageSync(visitQueueKey)
    if (!Array.isArray(queue) || queue.length === 0) return
    whenIdle(() => void import('./visits/visitStore').then((store) => store.syncWhenOnline()))
  })
  return children
}

export default App
