import { describe, expect, it } from 'vitest'
import { toStoredLocation } from './location'

describe('a located point, stored in GCJ-02 with its datum', () => {
  it('converts the browser’s WGS-84 fix to GCJ-02 (about 500 m off in Beijing otherwise)', () => {
    const stored = toStoredLocation({ latitude: 39.908823, longitude: 116.39747 }, 'wgs84')
    expect(stored.coordSystem).toBe('gcj02')
    // Tiananmen: WGS-84 (39.908823, 116.397470) is GCJ-02 (≈39.910227, ≈116.403715).
    expect(stored.lat).toBeCloseTo(39.91023, 3)
    expect(stored.lng).toBeCloseTo(116.40372, 3)
  })

  it('keeps a GCJ-02 fix from WeChat as it is', () => {
    expect(toStoredLocation({ latitude: 30.5, longitude: 114.3 }, 'gcj02')).toEqual({
      lat: 30.5,
      lng: 114.3,
      coordSystem: 'gcj02',
    })
  })
})
