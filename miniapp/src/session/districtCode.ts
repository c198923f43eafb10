import Taro from '@tarojs/taro'

const key = 'minqing.tenant'
/** A district code as the server accepts it (`?tenant=hedong`). */
const validCode = /^[a-z0-9-]{1,40}$/

/**
 * The district (tenant) code of the link the app was opened with, kept in storage: a resident who
 * came through 河东区's link sees 河东区's echo wall, consultations and answers, and files there,
 * on every page and after a restart. A link with another code replaces it.
 */
export function rememberDistrict(code: unknown): void {
  if (typeof code === 'string' && validCode.test(code)) Taro.setStorageSync(key, code)
}

/** The district code the app was opened with, if any (none: the city portal, every district). */
export function districtCode(): string | undefined {
  const value = Taro.getStorageSync(key) as unknown
  return typeof value === 'string' && validCode.test(value) ? value : undefined
}

/** The code in the H5 address (`?tenant=` before or after the `#/pages/…` route). */
export function districtOfAddress(): string | undefined {
  if (typeof window === 'undefined' || !window.location) return undefined
  const { search, hash } = window.location
  for (const part of [search, hash.slice(hash.indexOf('?') + 1)]) {
    const code = new URLSearchParams(part.startsWith('?') ? part.slice(1) : part).get('tenant')
    if (code) return code
  }
  return undefined
}

/** A path with the remembered district code appended, for the public pages' calls. */
export function withDistrict(path: string): string {
  const code = districtCode()
  if (!code) return path
  return `${path}${path.includes('?') ? '&' : '?'}tenant=${encodeURIComponent(code)}`
}
