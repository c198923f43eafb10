import { describe, expect, it } from 'vitest'
import { maskAddress, maskIdNumber, maskName, maskPhone } from './mask'

describe('masks', () => {
  it('keeps the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13800000003')).toBe('138****0003')
    expect(maskPhone('12345')).toBe('*****')
    expect(maskPhone(undefined)).toBeUndefined()
  })

  it('hides the middle of an ID number', () => {
    expect(maskIdNumber('110101199003074512')).toBe('110*************12')
  })

  it('keeps an address up to the first door number', () => {
    expect(maskAddress('朝阳区幸福街道12号3单元')).toBe('朝阳区幸福街道****')
    expect(maskAddress('幸福村东头老槐树下')).toBe('幸福村东头****')
    expect(maskAddress('')).toBeUndefined()
  })

  it('keeps the family name', () => {
    expect(maskName('张三丰')).toBe('张**')
    expect(maskName('李')).toBe('李*')
  })
})
