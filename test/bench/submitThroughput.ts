import autocannon from 'autocannon'
import { fork } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../../server/src/db/localDatabase'
import { apiLogin, startServer } from '../support/server'

const here = path.dirname(fileURLToPath(import.meta.url))

export interface LoadResult {
  connections: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  non2xx: number
  errors: number
}

let serial = 0
const body = () =>
  JSON.stringify({
    clientId: `bench-${process.pid}-${++serial}-${Math.random().toString(36).slice(2, 10)}`,
    kind: 'suggestion',
    categoryCode: 'culture.library',
    title: '书屋开放时间',
    description: '希望农家书屋周末也能开放借书。',
  })

/** One autocannon run of new submissions (each request a fresh clientId). */
export async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  })
  return {
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/** Submit-case throughput and latency at 50 and 200 clients: Minqing beside the bare baseline. */
export async function benchSubmit(mongoUri: string, seconds: number) {
  const server = await startServer(mongoUri, {
    CASE_SUBMIT_PER_USER_HOUR: '100000000',
    CASE_SUBMIT_PER_IP_HOUR: '100000000',
    LOG_LEVEL: 'error',
  })
  const port = await freePort()
  const baseline = fork(path.join(here, 'baselineServer.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, PORT: String(port), MONGODB_URI: server.mongoUri.replace(/\/e2e_/, '/baseline_') },
    stdio: 'inherit',
  })
  await new Promise((resolve) => baseline.once('message', resolve))
  try {
    const login = await apiLogin(server.baseUrl, '13800000005')
    const auth = { Authorization: `Bearer ${login.accessToken}` }
    const results: Record<string, { minqing: LoadResult; baseline: LoadResult }> = {}
    // One client too: the cost of a single submission without queueing, to read the others by.
    for (const connections of [1, 50, 200]) {
      // Warm up both (JIT, connection pools), then measure.
      await load(`${server.baseUrl}/api/v1/cases`, auth, 10, 2)
      await load(`http://127.0.0.1:${port}/`, {}, 10, 2)
      results[connections] = {
        minqing: await load(`${server.baseUrl}/api/v1/cases`, auth, connections, seconds),
        baseline: await load(`http://127.0.0.1:${port}/`, {}, connections, seconds),
      }
    }
    return results
  } finally {
    baseline.kill('SIGTERM')
    await server.stop()
  }
}
