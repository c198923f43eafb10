import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { config as zodConfig } from 'zod'
import './app.css'
import { registerServiceWorker } from './offline/registerServiceWorker'
import { syncWhenOnline } from './visits/visitStore'

// zod probes `new Function` to compile fast parsers: the server's Content-Security-Policy
// (script-src without 'unsafe-eval') reports the probe as a violation, and WeChat forbids eval.
zodConfig({ jitless: true })
registerServiceWorker()

function App({ children }: PropsWithChildren) {
  // Visits saved offline go out when the network returns, whatever page the worker is on.
  useLaunch(() => syncWhenOnline())
  return children
}

export default App
