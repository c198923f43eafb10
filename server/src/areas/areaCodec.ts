import type { Area } from '@minqing/shared'

/**
 * How an area is stored. FerretDB v1 rejects nested arrays ("nested arrays are not supported"),
 * and GeoJSON coordinates are number[][][]; so each ring is an object holding a flat
 * [lng, lat, lng, lat, …] list. The API speaks GeoJSON; only storage uses this shape.
 */
export interface StoredArea {
  type: 'Polygon'
  rings: Array<{ points: number[] }>
}

export function encodeArea(area: Area): StoredArea {
  return { type: 'Polygon', rings: area.coordinates.map((ring) => ({ points: ring.flat() })) }
}

export function decodeArea(stored: StoredArea): Area {
  return {
    type: 'Polygon',
    coordinates: stored.rings.map(({ points }) => {
      const ring: Array<[number, number]> = []
      for (let i = 0; i + 1 < points.length; i += 2) ring.push([points[i]!, points[i + 1]!])
      return ring
    }),
  }
}
