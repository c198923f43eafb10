import {
  openStatuses,
  publicAddress,
  roundPublicLocation,
  stripOptional,
  type CaseStatus,
} from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'
import { signFileUrl } from '../files/signedUrl'

/** ISO 8601 with the China offset, as W3C date-times with a time zone. */
export const w3c = (date: Date | null | undefined) =>
  date
    ? new Date(date.getTime() + 8 * 3600_000)
        .toISOString()
        .replace('Z', '+08:00')
        .replace(/\.\d{3}/, '')
    : null

export const open311Status = (status: CaseStatus) =>
  (openStatuses as readonly string[]).includes(status) ? 'open' : 'closed'

/**
 * One case as a GeoReport service request. Public by the standard, so nothing personal goes out:
 * no names or phones, every text through the shared privacy stripper (description, status notes,
 * address), the position rounded to about 100 m, the description and photo only when the
 * resident agreed to publication, and photo links only under the configured public base URL
 * (never a host taken from the request).
 */
export function presentRequest(
  record: CaseDocument,
  extra: {
    serviceName: string | null
    agency: string | null
    statusNotes: string | null
    publicBaseUrl: string | undefined
    urlSecret: string
    now: Date
  },
) {
  const location = record.location as { lat?: number; lng?: number; address?: string } | null
  const position =
    typeof location?.lat === 'number' && typeof location.lng === 'number'
      ? roundPublicLocation({ lat: location.lat, lng: location.lng })
      : null
  const photo = record.photos[0] ? String(record.photos[0]) : null
  return {
    service_request_id: record.number,
    status: open311Status(record.status),
    status_notes: stripOptional(extra.statusNotes),
    service_name: extra.serviceName,
    service_code: record.categoryCode,
    description: record.publicConsent ? stripOptional(record.description) : null,
    agency_responsible: extra.agency,
    service_notice: null,
    requested_datetime: w3c(record.submittedAt)!,
    updated_datetime: w3c((record as unknown as { updatedAt?: Date }).updatedAt),
    expected_datetime: w3c(record.deadlines.expectedAnswerBy ?? null),
    address: publicAddress(location?.address),
    address_id: null,
    zipcode: null,
    lat: position?.lat ?? null,
    long: position?.lng ?? null,
    media_url:
      photo && record.publicConsent && extra.publicBaseUrl
        ? `${extra.publicBaseUrl}${signFileUrl(extra.urlSecret, photo, extra.now)}`
        : null,
  }
}
