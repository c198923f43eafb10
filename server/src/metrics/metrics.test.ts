import { describe, expect, it } from 'vitest'
import { OutboxModel } from '../notifications/outbox.model'
import { runOnce } from '../scheduler/scheduler'
import { testApp } from '../../test/testApp'

const token = 'metrics-token-metrics-token'

/** The value of one sample line of the exposition text, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((row) => row.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : 0
}

async function scrape(request: ReturnType<typeof testApp>['request']) {
  const answer = await request.get('/metrics').set('Authorization', `Bearer ${token}`)
  expect(answer.status).toBe(200)
  expect(answer.headers['content-type']).toMatch(/^text\/plain/)
  return answer.text
}

describe('/metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    const { request } = testApp()
    const answer = await request.get('/metrics')
    expect(answer.status).toBe(404)
    expect(answer.body.error.code).toBe('ROUTE_NOT_FOUND')
  })

  it('wants the bearer token: none or a wrong one is 401', async () => {
    const { request } = testApp({ env: { METRICS_TOKEN: token } })
    for (const header of [undefined, 'Bearer wrong', `Basic ${token}`, `Bearer ${token}x`]) {
      const call = request.get('/metrics')
      const answer = await (header ? call.set('Authorization', header) : call)
      expect(answer.status).toBe(401)
      expect(answer.body.error.code).toBe('UNAUTHENTICATED')
      expect(answer.text).not.toContain('minqing_http_requests_total')
    }
  })

  it('counts requests by route pattern and status, with latency histograms', async () => {
    const { request } = testApp({ env: { METRICS_TOKEN: token } })
    const series = 'minqing_http_requests_total{method="GET",route="/api/v1/me",status="401"}'
    const bucket = 'minqing_http_request_duration_seconds_count{method="GET",route="/api/v1/me",status="401"}'
    const before = await scrape(request)
    await request.get('/api/v1/me')
    await request.get('/api/v1/me')
    await request.post('/api/v1/auth/login').send({ phone: '13900000000' })
    const after = await scrape(request)
    expect(sample(after, series) - sample(before, series)).toBe(2)
    expect(sample(after, bucket) - sample(before, bucket)).toBe(2)
    expect(
      sample(after, 'minqing_http_requests_total{method="POST",route="/api/v1/auth/login",status="400"}') -
        sample(before, 'minqing_http_requests_total{method="POST",route="/api/v1/auth/login",status="400"}'),
    ).toBe(1)
    // Paths are never labels: no id or phone number can turn up in the metrics.
    expect(after).not.toContain('13900000000')
  })

  it('shows the outbox queue, job runs and failures, and the database pool', async () => {
    const { request, deps } = testApp({ env: { METRICS_TOKEN: token } })
    const nextAttemptAt = new Date()
    await OutboxModel.create([
      { channel: 'sms', address: 'a', payload: {}, nextAttemptAt },
      { channel: 'sms', address: 'b', payload: {}, nextAttemptAt },
      { channel: 'sms', address: 'c', payload: {}, nextAttemptAt, status: 'failed' },
      { channel: 'sms', address: 'd', payload: {}, nextAttemptAt, status: 'sent' },
    ])
    const now = new Date('2026-03-02T01:00:00Z')
    await runOnce(deps, { name: 'metricsOk', everyMs: 60_000, run: async () => 'done' }, now)
    await runOnce(deps, { name: 'metricsOk', everyMs: 60_000, run: async () => 'done' }, now) // claimed: not run
    await runOnce(
      deps,
      { name: 'metricsBroken', everyMs: 60_000, run: () => Promise.reject(new Error('x')) },
      now,
    )
    const text = await scrape(request)
    expect(sample(text, 'minqing_outbox_messages{status="pending"}')).toBe(2)
    expect(sample(text, 'minqing_outbox_messages{status="failed"}')).toBe(1)
    expect(sample(text, 'minqing_job_runs_total{job="metricsOk",outcome="ok"}')).toBe(1)
    expect(sample(text, 'minqing_job_runs_total{job="metricsBroken",outcome="failed"}')).toBe(1)
    expect(sample(text, 'minqing_db_pool_connections{state="max"}')).toBeGreaterThan(0)
    expect(sample(text, 'minqing_db_pool_connections{state="open"}')).toBeGreaterThan(0)
    expect(sample(text, 'minqing_db_commands_total{command="insert"}')).toBeGreaterThan(0)
    expect(text).toContain('minqing_process_cpu_seconds_total')
  })
})
