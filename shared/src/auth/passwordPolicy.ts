import { z } from 'zod'
import { commonPasswords } from './commonPasswords'

/**
 * What a new password must be. Ten characters (NIST SP 800-63B asks for at least 8; ten keeps
 * the six- and eight-digit favourites out by length alone), not a common password, not one
 * character repeated, and nothing to do with the phone number (neither it, nor part of it, nor
 * containing it). Checked wherever a password is set: account creation, change, the admin CLI.
 */
export const passwordPolicy = { minLength: 10, maxLength: 128 } as const

const common = new Set(commonPasswords)

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'repeated' | 'phone'

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  tooShort: `密码至少${passwordPolicy.minLength}位 / At least ${passwordPolicy.minLength} characters`,
  tooLong: `密码最多${passwordPolicy.maxLength}位 / At most ${passwordPolicy.maxLength} characters`,
  common: '该密码过于常见，请换一个 / This password is too common; choose another',
  repeated: '密码不能只由同一个字符组成 / Not one character repeated',
  phone: '密码不能与手机号相关 / The password must not contain or be part of the phone number',
}

/** Every rule the password breaks; `phone` is the account's phone when known. */
export function passwordProblems(password: string, phone?: string | null): PasswordProblem[] {
  const problems: PasswordProblem[] = []
  if (password.length < passwordPolicy.minLength) problems.push('tooShort')
  if (password.length > passwordPolicy.maxLength) problems.push('tooLong')
  const lower = password.toLowerCase()
  if (common.has(lower)) problems.push('common')
  if (password.length > 0 && new Set(password).size === 1) problems.push('repeated')
  const digits = phone?.replace(/\D/g, '')
  if (digits && password.length > 0 && (digits.includes(password) || password.includes(digits))) {
    problems.push('phone')
  }
  return problems
}

function addProblems(
  ctx: z.RefinementCtx,
  password: string,
  phone: string | null | undefined,
  path: string[],
) {
  for (const problem of passwordProblems(password, phone)) {
    ctx.addIssue({ code: 'custom', message: passwordProblemMessages[problem], path, params: { problem } })
  }
}

/** A new password on its own (the phone rule needs the phone: see `checkNewPassword`). */
export const newPasswordSchema = z
  .string()
  .superRefine((password, ctx) => addProblems(ctx, password, null, []))

/** Adds the phone rule to an object schema holding a phone and a new password. */
export function checkNewPassword<T extends { phone?: string | null }>(
  field: keyof T & string,
): (value: T, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    const password = value[field]
    if (typeof password !== 'string' || !value.phone) return
    if (passwordProblems(password, value.phone).includes('phone')) {
      ctx.addIssue({
        code: 'custom',
        message: passwordProblemMessages.phone,
        path: [field],
        params: { problem: 'phone' },
      })
    }
  }
}
