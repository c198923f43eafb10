import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { testApp } from '../../test/testApp'
import { createLogger } from './logger'

const phone = '13712345678'
const idNumber = '110101199003074514'

function captured() {
  const lines: string[] = []
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { logger: createLogger('info', sink), text: () => lines.join('') }
}

describe('logger', () => {
  it('censors personal fields wherever they sit in a logged object', () => {
    const { logger, text } = captured()
    logger.info(
      {
        contactPhone: phone,
        case: {
          contactPhone: phone,
          description: `电话${phone}`,
          location: { lat: 39.91234, lng: 116.41234 },
        },
        user: { name: '张三', phone, idNumber },
        input: { body: { phone }, query: { q: phone } },
        visit: { visitors: [{ name: '李四', phone }] },
      },
      'something happened',
    )
    const out = text()
    for (const piece of [phone, idNumber, '张三', '李四', '39.91234', '116.41234'])
      expect(out).not.toContain(piece)
    expect(out).toContain('something happened')
  })

  it('strips personal data from error messages, stacks and free-text fields and messages', () => {
    const { logger, text } = captured()
    logger.error({ err: new Error(`no resident with phone ${phone} (ID ${idNumber})`) }, 'unexpected error')
    logger.warn({ note: `called ${phone}` }, `retry for ${phone}`)
    const out = text()
    expect(out).not.toContain(phone)
    expect(out).not.toContain(idNumber)
    expect(out).toContain('[手机号]')
    expect(out).toContain('unexpected error')
  })

  it('logs a request by its route pattern: no query string, body or path values', async () => {
    const { request, logLines } = testApp()
    await request.get(`/api/v1/echo-wall?q=${phone}`)
    await request.post('/api/v1/auth/login').send({ phone, password: 'wrong-password-1' })
    await request.get(`/api/v1/nothing-here/${phone}?phone=${phone}`)
    const out = logLines.join('')
    expect(out).toContain('"route":"/api/v1/echo-wall"')
    expect(out).not.toContain(phone)
    expect(out).not.toContain('wrong-password-1')
  })
})
