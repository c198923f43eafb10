import { resolveRouting, type Area, type RoutingRule } from '@minqing/shared'
import { performance } from 'node:perf_hooks'
import { AreaIndex } from '../../server/src/areas/areaIndex'

/**
 * Routing with 5,000 grid polygons and 1,000 rules: the in-memory area index (R-tree + exact
 * point-in-polygon) and the resolver, per case, as `decideRouting` runs them (rules and areas
 * are cached in memory by the server).
 */
export function benchRouting(cases = 20_000) {
  const columns = 100
  const rows = 50
  const size = 0.01
  const areas = []
  for (let x = 0; x < columns; x++) {
    for (let y = 0; y < rows; y++) {
      const lng = 116 + x * size
      const lat = 39 + y * size
      // Irregular pentagons rather than squares, so the exact test has work to do.
      const area: Area = {
        type: 'Polygon',
        coordinates: [
          [
            [lng, lat],
            [lng + size, lat],
            [lng + size, lat + size * 0.7],
            [lng + size * 0.5, lat + size],
            [lng, lat + size * 0.7],
            [lng, lat],
          ],
        ],
      }
      areas.push({ id: `grid-${x}-${y}`, level: 'grid', depth: 4, area })
    }
  }
  const buildStarted = performance.now()
  const index = AreaIndex.build(areas)
  const buildMs = performance.now() - buildStarted
  const categories = [
    'culture',
    'housing',
    'environment',
    'traffic',
    'safety',
    'health',
    'education',
    'water',
  ]
  const rules: RoutingRule[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `rule-${i}`,
    name: `规则${i}`,
    priority: i,
    enabled: true,
    unitId: `unit-${i % 37}`,
    categoryCodes: i % 3 === 0 ? [`${categories[i % categories.length]}.sub${i % 5}`] : [],
    areaUnitIds: i % 3 === 1 ? [`grid-${i % columns}-${i % rows}`] : [],
    keywords: i % 3 === 2 ? [`关键词${i}`] : [],
  }))
  const timings: number[] = []
  let routed = 0
  for (let i = 0; i < cases; i++) {
    const lng = 116 + Math.random() * columns * size
    const lat = 39 + Math.random() * rows * size
    const started = performance.now()
    const containingUnits = index.containing(lng, lat)
    const decision = resolveRouting(rules, {
      categoryCode: `${categories[i % categories.length]}.sub${i % 7}`,
      text: `第${i}件诉求：路灯不亮，关键词${(i * 7) % 1000}`,
      containingUnits,
    })
    timings.push(performance.now() - started)
    if (decision.unitId) routed++
  }
  timings.sort((a, b) => a - b)
  const mean = timings.reduce((sum, value) => sum + value, 0) / timings.length
  return {
    polygons: areas.length,
    rules: rules.length,
    cases,
    indexBuildMs: Math.round(buildMs),
    meanMs: Number(mean.toFixed(4)),
    p99Ms: Number(timings[Math.floor(timings.length * 0.99)]!.toFixed(4)),
    routedShare: Number((routed / cases).toFixed(3)),
  }
}
