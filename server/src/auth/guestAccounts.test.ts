import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'

const device = (n: number) => `guest-device-${n}-${Date.now()}-abcdefghij`

describe('free guest accounts (H5 游客)', () => {
  it('are minted at most GUEST_ACCOUNTS_PER_IP_HOUR per IP; a returning device still logs in', async () => {
    const { request } = testApp({ env: { GUEST_ACCOUNTS_PER_IP_HOUR: '3' } })
    const devices = [1, 2, 3, 4].map(device)
    const answers = []
    for (const deviceId of devices) answers.push(await request.post('/api/v1/auth/guest').send({ deviceId }))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429])
    expect(answers[3]!.body.error).toMatchObject({ code: 'RATE_LIMITED' })
    expect(answers[3]!.body.error.details.retryAfterSeconds).toBeGreaterThan(0)
    // The first device comes back: no new account, no budget spent.
    const again = await request.post('/api/v1/auth/guest').send({ deviceId: devices[0] })
    expect(again.status).toBe(200)
    expect(again.body.user.id).toBe(answers[0]!.body.user.id)
  })
})
