import { z } from 'zod'
import { isoTimeSchema, responseObject } from '../api/responseShapes'
import { positionLevelSchema, roleSchema } from './roles'

/** A user as `presentUser` shows them (server/src/users/presentUser.ts). */
export const userViewSchema = responseObject({
  id: z.string(),
  role: roleSchema,
  name: z.string(),
  /** Masked (138****0003) unless the viewer may see it in full; absent when the user has none. */
  phone: z.string().optional(),
  unitId: z.string().nullable(),
  positionLevel: positionLevelSchema.nullable(),
  isGuest: z.boolean(),
})

/** Every login, refresh and password change answers a token pair and the user. */
export const sessionResponseSchema = responseObject({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessTokenExpiresAt: isoTimeSchema,
  user: userViewSchema,
})

/** Admins also see whether an account is disabled (issue 16); others get the plain view. */
export const userListResponseSchema = responseObject({
  items: z.array(userViewSchema.extend({ disabled: z.boolean().optional() })),
  total: z.number().int(),
  page: z.number().int(),
})

export const passwordResetResponseSchema = responseObject({
  temporaryPassword: z.string(),
  mustChangePassword: z.literal(true),
})

export const smsStatusResponseSchema = responseObject({ enabled: z.boolean() })
export const smsCodeResponseSchema = responseObject({
  sent: z.literal(true),
  retryAfterSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
})
