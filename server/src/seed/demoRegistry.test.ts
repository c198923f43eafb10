import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'
import { demoAccounts, seedDemo } from './demoSeed'

// Generous time: these tests share two cores with five other engineers' runs.
describe('demo registry seed', { timeout: 120_000 }, () => {
  it('seeds households with the demo visits linked, and a list shaped 三方面17项43个问题 with five struck off', async () => {
    const { deps, request } = testApp({ clock: { now: () => new Date() } })
    await seedDemo(deps)
    const login = async (phone: string) => {
      const answer = await request
        .post('/api/v1/auth/login')
        .send({ phone, password: deps.config.DEMO_PASSWORD })
      return { Authorization: `Bearer ${answer.body.accessToken}` }
    }
    const leader = await login(demoAccounts.leader)
    const lists = await request.get('/api/v1/rectification/lists').set(leader)
    expect(lists.body.items.map((list: { headline: string }) => list.headline)).toEqual([
      '三方面17项43个问题，已整改完成5个',
    ])
    const board = await request.get('/api/v1/supervision/board').set(leader)
    expect(board.body.rectification.length).toBeGreaterThan(0)
    const staff = await login(demoAccounts.staff)
    const households = await request.get('/api/v1/households?q=王大爷').set(staff)
    expect(households.body.items).toHaveLength(1)
    const page = await request.get(`/api/v1/households/${households.body.items[0].id}`).set(staff)
    expect(page.body.visits).toHaveLength(1)
  })
})
