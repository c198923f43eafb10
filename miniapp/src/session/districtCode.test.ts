import { afterEach, describe, expect, it, vi } from 'vitest'

// The platform storage (wx storage / localStorage) as a map: the module's own logic is tested.
const storage = new Map<string, unknown>()
vi.mock('@tarojs/taro', () => ({
  default: {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
  },
}))
const { districtCode, districtOfAddress, rememberDistrict, withDistrict } = await import('./districtCode')

describe('the district code the app was opened with', () => {
  afterEach(() => {
    storage.clear()
    vi.unstubAllGlobals()
  })

  it('is appended to the public calls once remembered, and only a valid code is kept', () => {
    expect(withDistrict('/topics')).toBe('/topics')
    rememberDistrict('Bad Code!')
    expect(districtCode()).toBeUndefined()
    rememberDistrict('hedong')
    expect(withDistrict('/topics')).toBe('/topics?tenant=hedong')
    expect(withDistrict('/echo-wall?pageSize=50')).toBe('/echo-wall?pageSize=50&tenant=hedong')
    // A link with another district's code replaces it.
    rememberDistrict('heping')
    expect(districtCode()).toBe('heping')
    rememberDistrict(undefined)
    expect(districtCode()).toBe('heping')
  })

  it('is read from the H5 address, before or after the #/pages route', () => {
    vi.stubGlobal('window', { location: { search: '', hash: '#/pages/review/echo/index?tenant=hedong' } })
    expect(districtOfAddress()).toBe('hedong')
    vi.stubGlobal('window', { location: { search: '?tenant=heping', hash: '#/pages/home/index' } })
    expect(districtOfAddress()).toBe('heping')
    vi.stubGlobal('window', { location: { search: '', hash: '#/pages/home/index' } })
    expect(districtOfAddress()).toBeUndefined()
  })
})
