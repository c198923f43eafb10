/** 0.001° is about 111 m of latitude (and less of longitude): a street, not a doorstep. */
const step = 1000

/** A position for public views, rounded to about 100 m so that no house can be pointed at. */
export function roundPublicLocation<T extends { lat: number; lng: number }>(
  loc: T,
): { lat: number; lng: number } {
  return { lat: Math.round(loc.lat * step) / step, lng: Math.round(loc.lng * step) / step }
}
