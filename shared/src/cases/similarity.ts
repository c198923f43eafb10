/**
 * Possible duplicates: same category, recent, nearby (when both are located) and similar text.
 * Text similarity is the Jaccard index of character bigrams, which suits Chinese (no word
 * boundaries) and needs no $text index (FerretDB v1 has none).
 */
export const duplicatePolicy = {
  maxAgeDays: 30,
  maxDistanceMeters: 500,
  minTextSimilarity: 0.25,
  minTextSimilarityUnlocated: 0.4,
} as const

function bigrams(text: string): Set<string> {
  const chars = Array.from(text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ''))
  const grams = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!)
  if (chars.length === 1) grams.add(chars[0]!)
  return grams
}

export function textSimilarity(a: string, b: string): number {
  const left = bigrams(a)
  const right = bigrams(b)
  if (left.size === 0 || right.size === 0) return 0
  let shared = 0
  for (const gram of left) if (right.has(gram)) shared++
  return shared / (left.size + right.size - shared)
}

/** Great-circle distance in metres (haversine). */
export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}

export interface DuplicateProbe {
  categoryCode: string
  text: string
  location?: { lat: number; lng: number } | null
  at: Date
}

/** A score in 0–1 when `candidate` may be the same problem as `probe`, else null. */
export function duplicateScore(probe: DuplicateProbe, candidate: DuplicateProbe): number | null {
  if (probe.categoryCode !== candidate.categoryCode) return null
  if (Math.abs(probe.at.getTime() - candidate.at.getTime()) > duplicatePolicy.maxAgeDays * 86_400_000)
    return null
  const similarity = textSimilarity(probe.text, candidate.text)
  if (probe.location && candidate.location) {
    const distance = distanceMeters(probe.location, candidate.location)
    if (distance > duplicatePolicy.maxDistanceMeters) return null
    if (similarity < duplicatePolicy.minTextSimilarity) return null
    return Math.min(1, similarity + 0.3 * (1 - distance / duplicatePolicy.maxDistanceMeters))
  }
  return similarity >= duplicatePolicy.minTextSimilarityUnlocated ? similarity : null
}
