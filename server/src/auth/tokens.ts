import { AppError, roleSchema, tokenLifetimes } from '@minqing/shared'
import { errors, jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'
import type { Viewer } from '../http/defineRoute'
import type { Clock } from '../http/deps'

export interface TokenService {
  /** `tokenVersion`: the account's version when signed (see users/accountState.ts). */
  signAccess(viewer: Viewer, tokenVersion?: number): Promise<{ token: string; expiresAt: Date }>
  verifyAccess(token: string): Promise<Viewer & { tokenVersion: number }>
}

const claimsSchema = z.object({
  sub: z.string(),
  role: roleSchema,
  unit: z.string().nullable(),
  // Tokens signed before accounts had versions carry none: version 0.
  ver: z.number().int().min(0).default(0),
  // The tenant (district); tokens signed before tenants existed carry none: city level.
  ten: z.string().nullable().default(null),
})

const issuer = 'minqing'

/** Short-lived HS256 access tokens; refresh tokens are opaque and stored (see refreshTokens.ts). */
export function createTokenService(secret: string, clock: Clock): TokenService {
  const key = new TextEncoder().encode(secret)
  return {
    async signAccess(viewer, tokenVersion = 0) {
      const issuedAt = Math.floor(clock.now().getTime() / 1000)
      const expiresAtSeconds = issuedAt + tokenLifetimes.accessSeconds
      const token = await new SignJWT({
        role: viewer.role,
        unit: viewer.unitId,
        ver: tokenVersion,
        ten: viewer.tenantId ?? null,
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(viewer.userId)
        .setIssuer(issuer)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAtSeconds)
        .sign(key)
      return { token, expiresAt: new Date(expiresAtSeconds * 1000) }
    },
    async verifyAccess(token) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer,
          algorithms: ['HS256'],
          currentDate: clock.now(),
        })
        const claims = claimsSchema.parse(payload)
        return {
          userId: claims.sub,
          role: claims.role,
          unitId: claims.unit,
          tenantId: claims.ten,
          tokenVersion: claims.ver,
        }
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new AppError('TOKEN_EXPIRED')
        throw new AppError('INVALID_TOKEN')
      }
    },
  }
}
