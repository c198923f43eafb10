import { createHmac } from 'node:crypto'

/**
 * A keyed hash of a phone number, so records can be matched by phone without storing or logging
 * the number beside them. Keyed (HMAC), because 11-digit phones are few enough to hash them all.
 */
export function phoneDigest(secret: string, phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '')
  if (digits.length < 7) return null
  return createHmac('sha256', `${secret}:phone`).update(digits).digest('hex')
}
