// Preloaded into the server child by submitServerCpu.ts (NODE_OPTIONS=--import, since --cpu-prof
// is not allowed there): the first SIGUSR2 starts the V8 CPU profiler, the second writes the
// profile to $CPU_PROFILE_FILE, so only the measured submissions are profiled.
import { Session } from 'node:inspector'
import { writeFileSync } from 'node:fs'

const session = new Session()
session.connect()
let running = false
process.on('SIGUSR2', () => {
  if (!running) {
    running = true
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')),
    )
    return
  }
  running = false
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(process.env.CPU_PROFILE_FILE, JSON.stringify(result.profile))
    process.send?.('profiled')
    console.log('[profile] written')
  })
})
