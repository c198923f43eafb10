import { z } from 'zod'
import { checkNewPassword, newPasswordSchema } from './passwordPolicy'
import { positionLevelSchema, roleSchema } from './roles'

/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: '请输入11位手机号 / Enter an 11-digit mobile number' })

/** A password being set: the shared policy (length, common list, repeats); see passwordPolicy.ts. */
export const passwordSchema = newPasswordSchema

export const loginInputSchema = z.object({
  phone: phoneSchema,
  // Login accepts any non-empty password: length rules apply when a password is set, not checked.
  password: z.string().min(1, { message: '请输入密码 / Enter the password' }).max(128),
})
export type LoginInput = z.infer<typeof loginInputSchema>

export const refreshInputSchema = z.object({ refreshToken: z.string().min(20).max(200) })
export const wechatLoginInputSchema = z.object({ code: z.string().min(1).max(200) })
/** A device id the H5 client generates once (128-bit random, url-safe) and keeps. */
export const guestLoginInputSchema = z.object({
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{22,128}$/, { message: '设备标识无效 / Invalid device id' }),
})

export const userSchema = z.object({
  id: z.string(),
  role: roleSchema,
  name: z.string(),
  /** Masked (138****0003) unless the viewer may see it in full. */
  phone: z.string().optional(),
  unitId: z.string().nullable(),
  positionLevel: positionLevelSchema.nullable(),
  isGuest: z.boolean(),
})
export type User = z.infer<typeof userSchema>

export const sessionSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpiresAt: z.string(),
  user: userSchema,
})
export type Session = z.infer<typeof sessionSchema>

export const createUserInputSchema = z
  .object({
    phone: phoneSchema,
    name: z.string().trim().min(1).max(50),
    role: roleSchema,
    password: passwordSchema,
    unitId: z
      .string()
      .regex(/^[0-9a-f]{24}$/, { message: '单位编号无效 / Invalid unit id' })
      .optional(),
    positionLevel: positionLevelSchema.optional(),
    /** An admin's tenant, chosen by a city-level admin; absent = city level. Others: their unit's. */
    tenantId: z
      .string()
      .regex(/^[0-9a-f]{24}$/, { message: '区县编号无效 / Invalid tenant id' })
      .optional(),
  })
  .refine((input) => input.role === 'resident' || input.role === 'admin' || input.unitId, {
    message: '该角色必须属于一个单位 / This role must belong to a unit',
    path: ['unitId'],
  })
  .superRefine(checkNewPassword('password'))
export type CreateUserInput = z.infer<typeof createUserInputSchema>

/**
 * Changing a password proves the current one with the phone, like a login (same limits and
 * lockout), so it also serves the first login after an admin's reset, when no session exists yet.
 */
export const changePasswordInputSchema = z
  .object({
    phone: phoneSchema,
    currentPassword: z.string().min(1, { message: '请输入当前密码 / Enter the current password' }).max(128),
    newPassword: newPasswordSchema,
  })
  .superRefine(checkNewPassword('newPassword'))
  .refine((input) => input.newPassword !== input.currentPassword, {
    message: '新密码不能与当前密码相同 / The new password must differ from the current one',
    path: ['newPassword'],
  })
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>

/** An admin's reset: a one-time password to hand over; it only serves to choose a new one. */
export const passwordResetResultSchema = z.object({
  temporaryPassword: z.string(),
  mustChangePassword: z.literal(true),
})
export type PasswordResetResult = z.infer<typeof passwordResetResultSchema>
