import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { config as zodConfig } from 'zod'
import './app.css'
import { registerServiceWorker } from './offline/registerServiceWorker'
import { districtOfAddress, rememberDistrict } from './session/districtCode'

// zod probes `new Function` to compile fast parsers: the server's Content-Security-Policy
// (script-src without 'unsafe-eval') reports the probe as a violation, and WeChat forbids eval.
zodConfig({ jitless: true })
registerServiceWorker()

function App({ children }: PropsWithChildren) {
  // Visits saved offline go out when the network returns, whatever page the worker is on. Loaded
  // apart, so the first screen does not wait for the sync code (and shared's schemas) in H5; the
  // mini-program starts it from the visit pages (its subpackage), keeping the main package small.
  useLaunch((options) => {
    // The district the link names (…?tenant=hedong) stays the app's for its public pages.
    rememberDistrict(
      options?.query?.tenant ?? (process.env.TARO_ENV === 'h5' ? districtOfAddress() : undefined),
    )
    if (process.env.TARO_ENV === 'h5')
      void import('./visits/visitStore').then((store) => store.syncWhenOnline())
  })
  return children
}

export default App
