import { describe, expect, it } from 'vitest'
import { square } from '../../test/caseWorld'
import { decodeArea, encodeArea } from './areaCodec'

describe('area codec', () => {
  it('round-trips a polygon with a hole and stores no nested arrays', () => {
    const area = {
      ...square(116, 39, 1),
      coordinates: [...square(116, 39, 1).coordinates, ...square(116.4, 39.4, 0.1).coordinates],
    }
    const stored = encodeArea(area)
    expect(stored.rings.every((ring) => ring.points.every((value) => typeof value === 'number'))).toBe(true)
    expect(decodeArea(stored)).toEqual(area)
  })
})
