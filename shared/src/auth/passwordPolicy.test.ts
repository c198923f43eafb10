import { describe, expect, it } from 'vitest'
import { commonPasswords } from './commonPasswords'
import { passwordProblems } from './passwordPolicy'
import { changePasswordInputSchema, createUserInputSchema } from './schemas'

describe('password policy', () => {
  it('refuses short, common, repeated and phone-derived passwords', () => {
    expect(passwordProblems('12345678')).toContain('tooShort')
    for (const common of ['woaini1314', 'qq123456', 'a123456789', 'Password123', '1qaz2wsx3edc']) {
      expect(passwordProblems(common)).toContain('common')
    }
    expect(passwordProblems('aaaaaaaaaaaa')).toContain('repeated')
    expect(passwordProblems('13912345678', '13912345678')).toEqual(['phone'])
    expect(passwordProblems('912345678x', '13912345678')).toEqual([])
    expect(passwordProblems('3912345678', '13912345678')).toEqual(['phone'])
    expect(passwordProblems('me13912345678', '13912345678')).toEqual(['phone'])
    expect(passwordProblems('correct-horse-battery', '13912345678')).toEqual([])
  })

  it('ships a list of a few hundred common passwords, lower-case, without repeats', () => {
    expect(commonPasswords.length).toBeGreaterThan(300)
    expect(new Set(commonPasswords).size).toBe(commonPasswords.length)
    expect(commonPasswords.every((word) => word === word.toLowerCase())).toBe(true)
  })

  it('is what account creation and the change form check, each problem keyed by field', () => {
    const created = createUserInputSchema.safeParse({
      phone: '13912345678',
      name: '张三',
      role: 'resident',
      password: '13912345678',
    })
    expect(created.success).toBe(false)
    expect(created.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['password'])
    const change = changePasswordInputSchema.safeParse({
      phone: '13912345678',
      currentPassword: 'old-password-1',
      newPassword: 'woaini1314',
    })
    expect(
      change.error?.issues.map((issue) => [issue.path.join('.'), issue.message.split(' / ')[0]]),
    ).toEqual([['newPassword', '该密码过于常见，请换一个']])
    expect(
      changePasswordInputSchema.safeParse({
        phone: '13912345678',
        currentPassword: 'old-password-1',
        newPassword: 'old-password-1',
      }).success,
    ).toBe(false)
  })
})
