import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { authorizationOf, buildSecondDistrict } from '../../test/secondDistrict'
import { buildUser } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'

import { defaultTenantId, ensureDefaultTenant } from '../tenants/defaultTenant'

import { rebuildRollups } from './rebuildRollups'

type Auth = Record<string, string>
const cst = (text: string) => new Date(`${text}+08:00`)
const period = '?from=2026-03-01&to=2026-03-31'

/** The counters of an answer's object, numbers only (rates are not additive). */
const numbers = (record: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.map((key) => [key, Number(record[key] ?? 0)]))

describe(
  'tenant statistics count the intake queue (cases not yet routed to a unit)',
  { timeout: 240_000 },
  () => {
    it("gives each tenant admin exactly their district's cases, routed or queued, and the city admin the sum", async () => {
      const clock = manualClock(cst('2026-03-10T10:00:00'))
      const { request } = testApp({ clock })
      const world = await caseWorld(request)
      await ensureDefaultTenant('和平区')
      const { hedong } = await buildSecondDistrict()
      const login = (props: Parameters<typeof buildUser>[0]): Promise<Auth> => authorizationOf(request, props)
      const aAdmin = await login({ role: 'admin', tenantId: String(defaultTenantId) })
      const bAdmin = await login({ role: 'admin', tenantId: hedong.id })
      const cityAdmin = world.admin.auth

      // 和平区 (default): two routed, one queued; 河东区: one routed, two queued. No rule covers water.
      const file = async (overrides: Record<string, unknown>) => {
        const answer = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody(overrides))
        expect(answer.status).toBe(201)
        return answer.body as { unitId: string | null }
      }
      const queued = { categoryCode: 'utility.water', title: '自来水停水三天' }
      const filed = [
        await file({}),
        await file({}),
        await file(queued),
        await file({ tenant: hedong.code }),
        await file({ ...queued, tenant: hedong.code }),
        await file({ ...queued, tenant: hedong.code }),
      ]
      expect(filed.map((record) => record.unitId === null)).toEqual([false, false, true, false, true, true])

      const get = async (path: string, auth: Auth) => {
        const answer = await request.get(`/api/v1${path}`).set(auth)
        expect(answer.status, `${path}: ${answer.text}`).toBe(200)
        return answer.body
      }
      const figures = async (auth: Auth) => {
        const brief = await get(`/stats/brief${period}`, auth)
        const byUnit = await get(`/stats/rates${period}&groupBy=unit`, auth)
        const byCategory = await get(`/stats/rates${period}&groupBy=category`, auth)
        const workload = await get('/stats/workload', auth)
        const ranking = await get(`/stats/ranking${period}`, auth)
        type Row = { key: string; counts: { submitted: number } }
        const sum = (rows: Row[]) => rows.reduce((total, row) => total + row.counts.submitted, 0)
        return {
          submitted: brief.totals.submitted,
          byUnit: sum(byUnit.rows),
          byCategory: sum(byCategory.rows),
          open: (workload.rows as Array<{ open: number }>).reduce((total, row) => total + row.open, 0),
          totals: numbers(brief.totals, ['submitted', 'received', 'due', 'overdue']),
          pending: numbers(brief.totals.pending, Object.keys(brief.totals.pending)),
          queueRows: (byUnit.rows as Array<{ key: string; name: string }>)
            .filter((row) => !filed.some((record) => record.unitId === row.key))
            .map((row) => row.name),
          ranked: [...ranking.rows, ...ranking.unranked].map((row: { key: string }) => row.key),
        }
      }
      const check = async () => {
        const a = await figures(aAdmin)
        const b = await figures(bAdmin)
        const city = await figures(cityAdmin)
        for (const [mine, count] of [
          [a, 3],
          [b, 3],
          [city, 6],
        ] as const) {
          expect({
            submitted: mine.submitted,
            byUnit: mine.byUnit,
            byCategory: mine.byCategory,
            open: mine.open,
          }).toEqual({ submitted: count, byUnit: count, byCategory: count, open: count })
        }
        expect(b.queueRows).toEqual(['河东区（待分派）'])
        expect(city.queueRows.sort()).toEqual(['和平区（待分派）', '河东区（待分派）'].sort())
        // The queue is not a unit: it is counted, never ranked.
        expect(city.ranked.some((key: string) => key.startsWith('queue:'))).toBe(false)
        for (const key of Object.keys(city.totals))
          expect(city.totals[key], key).toBe(a.totals[key]! + b.totals[key]!)
        for (const key of Object.keys(city.pending))
          expect(city.pending[key], key).toBe(a.pending[key]! + b.pending[key]!)
      }
      await check()
      // The rollups are a cache of the events: a recount from them gives the same figures.
      await request.post('/api/v1/stats/rollups/rebuild').set(cityAdmin).expect(200)
      await rebuildRollups()
      await check()
    })
  },
)
