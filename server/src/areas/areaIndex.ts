import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import type { Area } from '@minqing/shared'
import Flatbush from 'flatbush'
import { forgetOnReset } from '../processState/processState'
import { UnitModel } from '../units/unit.model'
import { decodeArea, type StoredArea } from './areaCodec'

interface IndexedArea {
  id: string
  level: string
  depth: number
  area: Area
}

/**
 * Which units' areas contain a point. FerretDB v1 has no geospatial queries, so areas are
 * indexed in memory: a Flatbush R-tree over the polygons' bounding boxes narrows the candidates,
 * then an exact point-in-polygon test (turf) decides. Innermost (deepest) units come first.
 */
export class AreaIndex {
  private constructor(
    private readonly areas: IndexedArea[],
    private readonly tree: Flatbush | null,
  ) {}

  static build(areas: IndexedArea[]): AreaIndex {
    if (areas.length === 0) return new AreaIndex([], null)
    const tree = new Flatbush(areas.length)
    for (const { area } of areas) {
      let minX = Infinity
      let minY = Infinity
      let maxX = -Infinity
      let maxY = -Infinity
      for (const [lng, lat] of area.coordinates[0] ?? []) {
        minX = Math.min(minX, lng)
        minY = Math.min(minY, lat)
        maxX = Math.max(maxX, lng)
        maxY = Math.max(maxY, lat)
      }
      tree.add(minX, minY, maxX, maxY)
    }
    tree.finish()
    return new AreaIndex(areas, tree)
  }

  containing(lng: number, lat: number): Array<{ id: string; level: string }> {
    if (!this.tree) return []
    return this.tree
      .search(lng, lat, lng, lat)
      .map((index) => this.areas[index]!)
      .filter((candidate) => booleanPointInPolygon([lng, lat], candidate.area))
      .sort((a, b) => b.depth - a.depth)
      .map(({ id, level }) => ({ id, level }))
  }

  get size(): number {
    return this.areas.length
  }
}

let cached: { index: AreaIndex; builtAt: number } | undefined
/** Other server instances may change areas: rebuild at least this often. */
const maxAgeMs = 60_000

export async function currentAreaIndex(now = Date.now()): Promise<AreaIndex> {
  if (cached && now - cached.builtAt < maxAgeMs) return cached.index
  const units = await UnitModel.find(
    // A disabled unit no longer receives cases by its area.
    { area: { $ne: null }, disabled: { $ne: true } },
    { level: 1, path: 1, area: 1 },
  )
  const index = AreaIndex.build(
    units.map((unit) => ({
      id: unit.id as string,
      level: unit.level,
      depth: unit.path.length,
      area: decodeArea(unit.area as StoredArea),
    })),
  )
  cached = { index, builtAt: now }
  return index
}

/** Called after a unit's area changes on this instance. */
export function invalidateAreaIndex(): void {
  cached = undefined
}
forgetOnReset(invalidateAreaIndex)
