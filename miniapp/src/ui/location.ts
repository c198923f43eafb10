import type { CoordinateSystem } from '@minqing/shared'
import gcoord from 'gcoord'

/** A fix as stored: GCJ-02 like the units' areas and Chinese maps, with its datum named. */
export interface StoredLocation {
  lat: number
  lng: number
  coordSystem: CoordinateSystem
}

/** Converts a fix in `system` to GCJ-02 (gcoord: a maintained library for China's datums). */
export function toStoredLocation(
  fix: { latitude: number; longitude: number },
  system: CoordinateSystem,
): StoredLocation {
  if (system === 'gcj02') return { lat: fix.latitude, lng: fix.longitude, coordSystem: 'gcj02' }
  const [lng, lat] = gcoord.transform([fix.longitude, fix.latitude], gcoord.WGS84, gcoord.GCJ02)
  return { lat: lat!, lng: lng!, coordSystem: 'gcj02' }
}
