import { maskAddress } from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'
import { stripPersonal } from './stripPersonal'

/** ~1.1 km: enough for a district or street on a heat map, no longer a household. */
const coordinateDecimals = 2
const round = (value: number | null | undefined) =>
  typeof value === 'number' ? Number(value.toFixed(coordinateDecimals)) : value

/**
 * What retention changes on a case (pure): personal fields removed or coarsened, everything the
 * statistics use kept — category, units, status, dates, deadlines, rating value, counters.
 * Photos are deleted: they show homes and faces, and no figure needs them.
 */
export function anonymisedPatch(record: CaseDocument, now: Date): Record<string, unknown> {
  const location = record.location
  return {
    contactPhone: null,
    title: stripPersonal(record.title),
    description: stripPersonal(record.description),
    location: location
      ? {
          lat: round(location.lat),
          lng: round(location.lng),
          address: maskAddress(location.address) ?? null,
        }
      : null,
    photos: [],
    ...(record.rating?.comment ? { 'rating.comment': stripPersonal(record.rating.comment) } : {}),
    anonymisedAt: now,
  }
}
