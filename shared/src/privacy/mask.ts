/**
 * Masks personal data for lists and logs. Masking keeps enough to recognise a record
 * (first 3 and last 4 digits of a phone) and nothing that identifies a person on its own.
 */
export function maskPhone(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined
  if (phone.length < 7) return '*'.repeat(phone.length)
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`
}

/** 18-digit resident ID: keep the first 3 and last 2 characters. */
export function maskIdNumber(id: string | null | undefined): string | undefined {
  if (!id) return undefined
  if (id.length <= 5) return '*'.repeat(id.length)
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`
}

/**
 * Keeps an address down to its first segment (district/street) and hides the door number:
 * "朝阳区幸福街道12号3单元" → "朝阳区幸福街道****".
 */
export function maskAddress(address: string | null | undefined): string | undefined {
  if (!address) return undefined
  const cut = address.search(/[0-9０-９]/)
  const keep = cut === -1 ? Math.min(6, Math.ceil(address.length / 2)) : Math.min(cut, 12)
  return `${address.slice(0, keep)}****`
}

/** Chinese names: keep the family name (first character). */
export function maskName(name: string | null | undefined): string | undefined {
  if (!name) return undefined
  const chars = Array.from(name)
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`
}
