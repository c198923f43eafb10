import { roles, type Role } from '@minqing/shared'
import mongoose from 'mongoose'
import { describe, expect, it } from 'vitest'
import { caseBody, caseWorld } from '../../test/caseWorld'
import { buildUnit, buildUser, loginAs } from '../../test/factories'
import { manualClock, testApp } from '../../test/testApp'
import { routeTable } from '../routes'

type Request = ReturnType<typeof testApp>['request']

const matrixPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

/** Every route with its path parameters filled by an id that exists nowhere. */
const routes = routeTable.map((route) => ({
  ...route,
  url: `/api/v1${route.path.replace(/:([A-Za-z_]+)/g, () => String(new mongoose.Types.ObjectId()))}`,
}))

function call(request: Request, route: (typeof routes)[number], token?: string) {
  const pending = request[route.method](route.url)
  if (token) pending.set('Authorization', `Bearer ${token}`)
  return route.method === 'get' || route.method === 'delete' ? pending : pending.send({})
}

// Hundreds of requests per test: generous time when the machine is shared.
describe(
  'authorization matrix (every route × every role, generated from the route table)',
  { timeout: 240_000 },
  () => {
    it('answers 401 without or with an expired token, 403 to roles the route does not admit, and lets admitted roles through', async () => {
      const clock = manualClock(new Date('2026-03-10T10:00:00+08:00'))
      const { request } = testApp({ clock })
      const world = await caseWorld(request)
      const staff = await loginAs(request, await buildUser({ role: 'staff', unitId: world.street.id }))
      const operator = await loginAs(request, await buildUser({ role: 'operator' }))
      const tokens: Record<Role, string> = {
        resident: world.resident.token,
        staff: staff.accessToken,
        handler: world.cultureHandler.token,
        leader: world.districtLeader.token,
        admin: world.admin.token,
        operator: operator.accessToken,
      }
      const failures: string[] = []
      for (const route of routes) {
        const name = `${route.method.toUpperCase()} ${route.path}`
        const anonymous = await call(request, route)
        if (route.access === 'public') {
          // Photos are public to signed URLs (image tags send no token); unsigned they need a login.
          const signedOnly = route.path === '/files/:id' && anonymous.status === 401
          if ((anonymous.status === 401 && !signedOnly) || anonymous.status >= 500)
            failures.push(`${name} anonymous → ${anonymous.status}`)
        } else if (anonymous.status !== 401)
          failures.push(`${name} anonymous → ${anonymous.status}, expected 401`)
        for (const role of roles) {
          const answer = await call(request, route, tokens[role])
          const admitted = route.access === 'public' || route.access.includes(role)
          if (answer.status >= 500) failures.push(`${name} as ${role} → ${answer.status}`)
          else if (!admitted && (answer.status !== 403 || answer.body.error?.code !== 'FORBIDDEN'))
            failures.push(`${name} as ${role} → ${answer.status}, expected 403`)
          else if (admitted && answer.status === 401) failures.push(`${name} as ${role} → 401`)
          else if (
            admitted &&
            answer.status === 403 &&
            route.access !== 'public' &&
            answer.body.error?.code === 'FORBIDDEN'
          ) {
            // Record-level refusals are fine; a refusal on an empty request means the role check is wrong.
            if (route.method === 'get' && !route.path.includes(':'))
              failures.push(`${name} as ${role} → 403 on a list`)
          }
        }
      }
      clock.advance(16 * 60_000) // access tokens live 15 minutes
      for (const route of routes.filter((item) => item.access !== 'public')) {
        const answer = await call(request, route, tokens.admin)
        if (answer.status !== 401 || answer.body.error?.code !== 'TOKEN_EXPIRED')
          failures.push(
            `${route.method.toUpperCase()} ${route.path} with an expired token → ${answer.status}`,
          )
      }
      expect(failures).toEqual([])
      expect(routes.length).toBeGreaterThan(50)
    })

    it('keeps records of another unit or person out of reach', async () => {
      const { request } = testApp()
      const world = await caseWorld(request)
      const submitted = await request.post('/api/v1/cases').set(world.resident.auth).send(caseBody())
      const id = submitted.body.id as string
      expect(submitted.body.unitId).toBe(world.culture.id)
      // The housing bureau's handler, another resident: not their case.
      expect((await request.get(`/api/v1/cases/${id}`).set(world.housingHandler.auth)).status).toBe(404)
      expect((await request.get(`/api/v1/cases/${id}`).set(world.otherResident.auth)).status).toBe(404)
      const transition = await request
        .post(`/api/v1/cases/${id}/transitions`)
        .set(world.housingHandler.auth)
        .send({ action: 'accept' })
      expect([403, 404]).toContain(transition.status)
      // Another staff member's visit, pair and upload.
      const owner = await loginAs(request, await buildUser({ role: 'staff' }))
      const stranger = await loginAs(request, await buildUser({ role: 'staff' }))
      const as = (token: string) => ({ Authorization: `Bearer ${token}` })
      const visit = await request
        .post('/api/v1/visits/sync')
        .set(as(owner.accessToken))
        .send({
          visits: [
            {
              clientId: 'matrix-visit-1',
              visitedAt: '2026-03-02T09:00:00+08:00',
              household: { name: '甲', address: '乙' },
              purposes: ['visiting'],
            },
          ],
        })
      const visitId = visit.body.results[0].id
      expect((await request.get(`/api/v1/visits/${visitId}`).set(as(stranger.accessToken))).status).toBe(404)
      const pair = await request
        .post('/api/v1/pairs')
        .set(as(owner.accessToken))
        .send({ household: { name: '甲', address: '乙' } })
      expect((await request.get(`/api/v1/pairs/${pair.body.id}`).set(as(stranger.accessToken))).status).toBe(
        404,
      )
      expect(
        (await request.delete(`/api/v1/pairs/${pair.body.id}`).set(as(stranger.accessToken))).status,
      ).toBe(404)
      const upload = await request
        .post('/api/v1/uploads')
        .set(as(owner.accessToken))
        .send({ clientId: 'matrix-up-1', size: 10 })
      expect(
        (await request.get(`/api/v1/uploads/${upload.body.id}`).set(as(stranger.accessToken))).status,
      ).toBe(404)
    })

    it('answers case, photo and contact reads per person: author, follower, guest, other units and districts', async () => {
      const { request } = testApp()
      const world = await caseWorld(request)
      const as = (token: string) => ({ Authorization: `Bearer ${token}` })
      const guestLogin = async (deviceId: string) =>
        as((await request.post('/api/v1/auth/guest').send({ deviceId })).body.accessToken as string)
      const otherDistrict = await buildUnit({ level: 'district' })
      const otherDepartment = await buildUnit({ level: 'department', parentId: otherDistrict.id })
      const login = async (role: 'handler' | 'leader' | 'staff', unitId: string) =>
        as((await loginAs(request, await buildUser({ role, unitId }))).accessToken)
      const people: Record<string, Record<string, string>> = {
        author: world.resident.auth,
        follower: world.otherResident.auth,
        guestFollower: await guestLogin('matrix-guest-follower-0000001'),
        guest: await guestLogin('matrix-guest-stranger-0000002'),
        unitHandler: world.cultureHandler.auth,
        otherUnitHandler: world.housingHandler.auth,
        districtLeader: world.districtLeader.auth,
        admin: world.admin.auth,
        otherDistrictHandler: await login('handler', otherDepartment.id),
        otherDistrictLeader: await login('leader', otherDistrict.id),
        otherDistrictStaff: await login('staff', otherDistrict.id),
      }
      const fileCase = async (publicConsent: boolean) => {
        const photo = await request
          .post('/api/v1/files')
          .set(world.resident.auth)
          .attach('file', matrixPng, 'x.png')
        const submitted = await request
          .post('/api/v1/cases')
          .set(world.resident.auth)
          .send(caseBody({ publicConsent, photos: [photo.body.id] }))
        return { id: submitted.body.id as string, photo: photo.body.id as string }
      }
      const publicCase = await fileCase(true)
      const privateCase = await fileCase(false)
      for (const who of ['follower', 'guestFollower'])
        expect((await request.post(`/api/v1/cases/${publicCase.id}/follow`).set(people[who]!)).status).toBe(
          200,
        )

      // [case read, photo by token, contact]: full/public/404, 200/404, 200/403/404.
      type Row = [string, string, number]
      const expected: Record<string, { public: Row; private: Row }> = {
        author: { public: ['full', '200', 403], private: ['full', '200', 403] },
        follower: { public: ['public', '404', 403], private: ['404', '404', 403] },
        guestFollower: { public: ['public', '404', 403], private: ['404', '404', 403] },
        guest: { public: ['404', '404', 403], private: ['404', '404', 403] },
        unitHandler: { public: ['full', '200', 200], private: ['full', '200', 200] },
        otherUnitHandler: { public: ['404', '404', 404], private: ['404', '404', 404] },
        districtLeader: { public: ['full', '200', 200], private: ['full', '200', 200] },
        admin: { public: ['full', '200', 200], private: ['full', '200', 200] },
        otherDistrictHandler: { public: ['404', '404', 404], private: ['404', '404', 404] },
        otherDistrictLeader: { public: ['404', '404', 404], private: ['404', '404', 404] },
        otherDistrictStaff: { public: ['404', '404', 403], private: ['404', '404', 403] },
      }
      const actual: typeof expected = {}
      for (const [who, auth] of Object.entries(people)) {
        const row = async (target: { id: string; photo: string }): Promise<Row> => {
          const read = await request.get(`/api/v1/cases/${target.id}`).set(auth)
          const view =
            read.status === 200 ? (read.body.view === 'public' ? 'public' : 'full') : String(read.status)
          const photo = await request.get(`/api/v1/files/${target.photo}`).set(auth)
          const contact = await request.get(`/api/v1/cases/${target.id}/contact`).set(auth)
          return [view, String(photo.status), contact.status]
        }
        actual[who] = { public: await row(publicCase), private: await row(privateCase) }
      }
      expect(actual).toEqual(expected)
    })
  },
)
