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

type VerifiedClaims = Viewer & { tokenVersion: number }

/**
 * Verified access tokens, by their full text, so a client's requests do not each pay the HMAC
 * check and claim parsing (~1 ms of CPU, a fifth of a submission's budget, issue 18). Only a token
 * this service verified itself is kept (a forged or altered one is a different key and is checked
 * in full); its expiry is checked on every use; what may change meanwhile (a disabled account, a
 * new token version) is checked by the caller on every request anyway (http/authenticate.ts).
 */
const verifiedLimit = 10_000

/** jose's rule (no clock tolerance): a token is expired from its `exp` second on. */
const expired = (expSeconds: number, now: Date) => Math.floor(now.getTime() / 1000) >= expSeconds

/** Short-lived HS256 access tokens; refresh tokens are opaque and stored (see refreshTokens.ts). */
export function createTokenService(secret: string, clock: Clock): TokenService {
  const key = new TextEncoder().encode(secret)
  const verified = new Map<string, { claims: VerifiedClaims; expSeconds: number }>()
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
      const now = clock.now()
      const known = verified.get(token)
      if (known) {
        if (expired(known.expSeconds, now)) {
          verified.delete(token)
          throw new AppError('TOKEN_EXPIRED')
        }
        return { ...known.claims }
      }
      try {
        const { payload } = await jwtVerify(token, key, { issuer, algorithms: ['HS256'], currentDate: now })
        const claims = claimsSchema.parse(payload)
        const result: VerifiedClaims = {
          userId: claims.sub,
          role: claims.role,
          unitId: claims.unit,
          tenantId: claims.ten,
          tokenVersion: claims.ver,
        }
        // Tokens without an expiry (none are signed so) are not kept: nothing would end them.
        if (typeof payload.exp === 'number') {
          // Oldest first out: Map keeps insertion order.
          if (verified.size >= verifiedLimit) verified.delete(verified.keys().next().value!)
          verified.set(token, { claims: result, expSeconds: payload.exp })
        }
        return { ...result }
      } catch (error) {
        if (error instanceof errors.JWTExpired) throw new AppError('TOKEN_EXPIRED')
        throw new AppError('INVALID_TOKEN')
      }
    },
  }
}
