import type { PropsWithChildren } from 'react'
import { config as zodConfig } from 'zod'
import './app.css'
import { registerServiceWorker } from './offline/registerServiceWorker'

// zod probes `new Function` to compile fast parsers: the server's Content-Security-Policy
// (script-src without 'unsafe-eval') reports the probe as a violation, and WeChat forbids eval.
zodConfig({ jitless: true })
registerServiceWorker()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
