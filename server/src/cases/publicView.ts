import {
  caseStatusLabels,
  publicAddress,
  roundPublicLocation,
  stripPersonalData,
  type TimeLimits,
} from '@minqing/shared'
import type { CaseDocument } from './case.model'
import type { CaseEventRecord } from './caseEvent.model'
import { signFileUrl } from '../files/signedUrl'

/** Free text shown beyond the people who handle a case: through the one shared privacy stripper. */
export function publicText(text: string): string {
  return stripPersonalData(text)
}

/** A case its resident agreed to make public and did not file anonymously. */
export function isPublicCase(record: Pick<CaseDocument, 'publicConsent' | 'anonymous'>): boolean {
  return record.publicConsent && !record.anonymous
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null)

export interface PublicViewOptions {
  now: Date
  limits: TimeLimits
  urlSecret?: string
}

/**
 * What someone who is not handling the case sees of it (a follower, a "me too" resident): an
 * explicit allow-list, so a field added to the case never reaches them by accident. No contact,
 * no resident identity, the place rounded, texts through `publicText`, photos only when the
 * case is public. The shape matches the full view's, with `view: 'public'`.
 */
export function presentPublicCase(record: CaseDocument, options: PublicViewOptions) {
  const photos = isPublicCase(record) ? record.photos.map(String) : []
  const sign = (id: string) => (options.urlSecret ? signFileUrl(options.urlSecret, id, options.now) : null)
  return {
    view: 'public' as const,
    id: record.id as string,
    number: record.number,
    kind: record.kind,
    categoryCode: record.categoryCode,
    title: publicText(record.title),
    description: publicText(record.description),
    urgency: record.urgency,
    source: record.source,
    location:
      record.location && typeof record.location.lat === 'number' && typeof record.location.lng === 'number'
        ? {
            // About 100 m: enough to recognise the place, not the door (the same rounding as Open311).
            ...roundPublicLocation({ lat: record.location.lat, lng: record.location.lng }),
            address: publicAddress(record.location.address),
          }
        : null,
    photos,
    photoUrls: photos.flatMap((id) => sign(id) ?? []),
    photoThumbUrls: photos.flatMap((id) => {
      const url = sign(id)
      return url ? [`${url}&variant=thumbnail`] : []
    }),
    contactPhone: null,
    contactAvailable: false,
    anonymous: record.anonymous,
    publicConsent: record.publicConsent,
    status: record.status,
    statusLabel: caseStatusLabels[record.status],
    unitId: record.unitId ? String(record.unitId) : null,
    routing: { kind: record.routing.kind, unitId: null, ruleId: null, reason: '' },
    deadlines: {
      expectedAnswerBy: iso(record.deadlines.expectedAnswerBy),
      acceptBy: null,
      answerBy: null,
      ratingBy: null,
      dueAt: null,
    },
    timeState: null,
    transferCount: 0,
    returnCount: 0,
    reopenCount: record.reopenCount,
    supervisionFlag: false,
    supervisionLevel: null,
    coUnitIds: [],
    ownerLeaderId: null,
    objection: null,
    extension: null,
    rating: record.rating?.value
      ? { value: record.rating.value, comment: null, at: iso(record.rating.at) }
      : null,
    submittedAt: iso(record.submittedAt),
    acceptedAt: iso(record.acceptedAt),
    resolvedAt: iso(record.resolvedAt),
    closedAt: iso(record.closedAt),
    /** A follower only reads: no action is theirs. */
    allowedActions: [],
  }
}

/** Public events only, with no one's identity, texts stripped, attachments only on public cases. */
export function presentPublicTimeline(
  record: CaseDocument,
  events: CaseEventRecord[],
  signUrl?: (fileId: string) => string,
) {
  const photosShown = isPublicCase(record)
  return events
    .filter((event) => event.public)
    .map((event) => {
      const attachments = photosShown ? event.attachments.map(String) : []
      return {
        seq: event.seq,
        action: event.action,
        from: event.from ?? null,
        to: event.to,
        at: iso(event.at),
        actor: { role: event.actor.role, unitId: event.actor.unitId ? String(event.actor.unitId) : null },
        reason: event.reason ? publicText(event.reason) : null,
        message: event.message ? publicText(event.message) : null,
        public: true,
        attachments,
        attachmentUrls: signUrl ? attachments.map(signUrl) : [],
      }
    })
}
