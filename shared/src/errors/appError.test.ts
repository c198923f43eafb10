import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { loginInputSchema } from '../auth/schemas'
import { AppError, isAppError } from './appError'
import { errorCatalog } from './codes'
import { parseOrThrow } from './zodIssues'

describe('AppError', () => {
  it('survives the wire: toBody then fromBody keeps code, messages and issues', () => {
    const original = new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'phone', code: 'invalid', message: 'm' }],
    })
    const parsed = AppError.fromBody(JSON.parse(JSON.stringify(original.toBody())))
    expect(parsed).toBeInstanceOf(AppError)
    expect(parsed.code).toBe('VALIDATION_FAILED')
    expect(parsed.status).toBe(400)
    expect(parsed.message).toBe(errorCatalog.VALIDATION_FAILED.zh)
    expect(parsed.messageEn).toBe(errorCatalog.VALIDATION_FAILED.en)
    expect(parsed.issues).toEqual([{ path: 'phone', code: 'invalid', message: 'm' }])
  })

  it('turns unknown bodies into INTERNAL', () => {
    expect(AppError.fromBody('<html>').code).toBe('INTERNAL')
    expect(AppError.fromBody({ error: { code: 'NOPE' } }).code).toBe('INTERNAL')
  })

  it('every code has a Chinese and an English message and a 4xx/5xx status (0 for client-side network)', () => {
    for (const [code, entry] of Object.entries(errorCatalog)) {
      expect(entry.zh.length, code).toBeGreaterThan(0)
      expect(entry.en.length, code).toBeGreaterThan(0)
      expect(entry.status === 0 || (entry.status >= 400 && entry.status < 600), code).toBe(true)
    }
  })

  it('parseOrThrow reports every invalid field by path', () => {
    const schema = z.object({ a: z.object({ b: z.number() }), c: z.string() })
    try {
      parseOrThrow(schema, { a: { b: 'x' } })
      expect.unreachable()
    } catch (error) {
      expect(isAppError(error, 'VALIDATION_FAILED')).toBe(true)
      expect((error as AppError).issues?.map((issue) => issue.path).sort()).toEqual(['a.b', 'c'])
    }
  })

  it('the login schema accepts mainland mobile numbers only', () => {
    expect(loginInputSchema.safeParse({ phone: '13800000001', password: 'x' }).success).toBe(true)
    expect(loginInputSchema.safeParse({ phone: '12800000001', password: 'x' }).success).toBe(false)
    expect(loginInputSchema.safeParse({ phone: '1380000000', password: 'x' }).success).toBe(false)
  })
})
