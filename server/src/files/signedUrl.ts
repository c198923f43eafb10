import { apiPrefix } from '@minqing/shared'
import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Image tags cannot send a bearer token, so a photo is fetched through a URL signed for one
 * file and a short time. Whoever may read the case gets its photos' URLs with the case.
 */
export function signFileUrl(secret: string, fileId: string, now: Date, ttlSeconds = 3600): string {
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds
  return `${apiPrefix}/files/${fileId}?expires=${expires}&sig=${signature(secret, fileId, expires)}`
}

export function verifyFileSignature(
  secret: string,
  fileId: string,
  expires: number,
  sig: string,
  now: Date,
): boolean {
  if (!Number.isInteger(expires) || expires < now.getTime() / 1000) return false
  const expected = Buffer.from(signature(secret, fileId, expires))
  const given = Buffer.from(sig)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

function signature(secret: string, fileId: string, expires: number): string {
  return createHmac('sha256', secret).update(`file:${fileId}:${expires}`).digest('base64url')
}
