import { describe, expect, it } from 'vitest'
import { nextRatingAttempt, ratingAttemptsSpent, ratingFromSmsReply } from './schemas'

describe('rating by SMS reply', () => {
  it('reads 1/2/3 as 满意/基本满意/不满意, with words, spaces or full-width digits around', () => {
    expect(ratingFromSmsReply('1')).toBe('satisfied')
    expect(ratingFromSmsReply(' 2 基本满意')).toBe('basically_satisfied')
    expect(ratingFromSmsReply('３')).toBe('unsatisfied')
    expect(ratingFromSmsReply('好的')).toBeNull()
    expect(ratingFromSmsReply('9')).toBeNull()
  })
})

describe('rating attempts policy', () => {
  const policy = { smsAttempts: 2, callAttempts: 1, smsRetryDays: 2 }
  it('asks for 2 SMS, then 1 call, and only then counts the attempts as spent', () => {
    expect(nextRatingAttempt(policy, { sms: 0, calls: 0 })).toBe('sms')
    expect(nextRatingAttempt(policy, { sms: 1, calls: 0 })).toBe('sms')
    expect(nextRatingAttempt(policy, { sms: 2, calls: 0 })).toBe('call')
    expect(ratingAttemptsSpent(policy, { sms: 2, calls: 0 })).toBe(false)
    expect(nextRatingAttempt(policy, { sms: 2, calls: 1 })).toBeNull()
    expect(ratingAttemptsSpent(policy, { sms: 2, calls: 1 })).toBe(true)
  })
})
