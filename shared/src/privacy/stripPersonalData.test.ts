import { describe, expect, it } from 'vitest'
import { isLuhnValid, isValidIdNumber } from './digits'
import { roundPublicLocation } from './location'
import { publicAddress, stripOptional, stripPersonalData } from './stripPersonalData'

describe('personal numbers by structure', () => {
  it('checks the ID number check digit (GB 11643), X included', () => {
    expect(isValidIdNumber('110101199003074514')).toBe(true)
    expect(isValidIdNumber('11010519491231002X')).toBe(true)
    expect(isValidIdNumber('11010519491231002x')).toBe(true)
    expect(isValidIdNumber('110101199003074512')).toBe(false)
    expect(isValidIdNumber('11010119900307451')).toBe(false)
  })

  it('checks bank cards by the Luhn sum', () => {
    expect(isLuhnValid('6217001234567890122')).toBe(true)
    expect(isLuhnValid('6217001234567890123')).toBe(false)
  })
})

describe('stripPersonalData', () => {
  it('hides an ID number entirely: no region code, no check digit', () => {
    const out = stripPersonalData('身份证110101199003074514')
    expect(out).toBe('身份证[身份证号]')
    expect(out).not.toMatch(/\d/)
  })

  it('tells an 18-digit ID from an 18-digit work-order number', () => {
    expect(stripPersonalData('工单号202612010000123456')).toBe('工单号202612010000123456')
    expect(stripPersonalData('11010119900307451X')).toBe('[身份证号]')
  })

  it('keeps text without personal data unchanged and passes empty values through', () => {
    expect(stripPersonalData('')).toBe('')
    expect(stripOptional(null)).toBeNull()
    expect(stripOptional('电话13712345678')).toBe('电话[手机号]')
  })
})

describe('roundPublicLocation', () => {
  it('rounds to 0.001° (about 100 m)', () => {
    expect(roundPublicLocation({ lat: 39.904211, lng: 116.407395 })).toEqual({ lat: 39.904, lng: 116.407 })
  })
})

describe('publicAddress', () => {
  it('keeps the area and hides everything from the first door, building or room number', () => {
    expect(publicAddress('朝阳区幸福路18号3单元')).toBe('朝阳区幸福路****')
    expect(publicAddress('幸福小区五号楼三单元二〇一室')).toBe('幸福小区****')
    expect(publicAddress('幸福村东头老槐树下')).toBe('幸福村东头****')
    expect(publicAddress(undefined)).toBeNull()
  })
})
