import { describe, expect, it } from 'vitest'
import { distanceMeters, duplicateScore, textSimilarity } from './similarity'

const at = new Date('2026-03-02T10:00:00+08:00')

describe('duplicate detection', () => {
  it('scores Chinese text by character bigrams, ignoring punctuation', () => {
    expect(textSimilarity('农家书屋不开门', '农家书屋不开门！')).toBe(1)
    expect(textSimilarity('农家书屋周末不开门', '书屋周末总是不开门')).toBeGreaterThan(0.4)
    expect(textSimilarity('农家书屋不开门', '路灯坏了')).toBe(0)
  })

  it('measures distance on the globe', () => {
    expect(Math.round(distanceMeters({ lat: 39.9, lng: 116.4 }, { lat: 39.9, lng: 116.401 }))).toBe(85)
  })

  it('needs the same category, recent, nearby and similar', () => {
    const probe = {
      categoryCode: 'urban.road',
      text: '幸福路路灯坏了',
      location: { lat: 39.9, lng: 116.4 },
      at,
    }
    const near = { ...probe, text: '幸福路的路灯坏了好几天', location: { lat: 39.9005, lng: 116.4 } }
    expect(duplicateScore(probe, near)).toBeGreaterThan(0.3)
    expect(duplicateScore(probe, { ...near, categoryCode: 'urban.noise' })).toBeNull()
    expect(duplicateScore(probe, { ...near, location: { lat: 39.95, lng: 116.4 } })).toBeNull()
    expect(duplicateScore(probe, { ...near, at: new Date(at.getTime() + 40 * 86_400_000) })).toBeNull()
    expect(duplicateScore(probe, { ...near, text: '垃圾没人清运' })).toBeNull()
  })

  it('asks for closer text when either case has no location', () => {
    const probe = { categoryCode: 'culture.library', text: '书屋周末不开门', at }
    expect(duplicateScore(probe, { ...probe, text: '书屋周末不开门怎么办' })).not.toBeNull()
    expect(duplicateScore(probe, { ...probe, text: '书屋图书太旧' })).toBeNull()
  })
})
