import { caseStatusLabels, caseTimeState, maskAddress, maskPhone, type TimeLimits } from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import type { CaseDocument } from './case.model'
import type { CaseEventRecord } from './caseEvent.model'
import { signFileUrl } from '../files/signedUrl'
import { canSeeContact, caseAllowedActions } from './policy'
import type { UnitDocument } from '../units/unit.model'

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null)

/**
 * The case in full, for those who may read it (`canReadCase`); followers get `presentPublicCase`.
 * Lists mask the address; details show it to those who may contact the resident. No resident id
 * is ever part of it: for an anonymous case an id is all it takes to find the person.
 */
export interface PresentOptions {
  detail: boolean
  now: Date
  limits: TimeLimits
  /** Secret for signed photo URLs; photos get URLs only when given. */
  urlSecret?: string
  /** The unit holding the case (its tree path decides a leader's reach for `allowedActions`). */
  currentUnit?: Pick<UnitDocument, '_id' | 'path'> | null
}

export function presentCase(record: CaseDocument, viewer: Viewer, options: PresentOptions) {
  const contactVisible = canSeeContact(viewer, record)
  const isOwner = String(record.createdBy) === viewer.userId
  const dueAt = record.deadlines.dueAt ?? null
  return {
    id: record.id as string,
    number: record.number,
    clientId: isOwner ? record.clientId : undefined,
    kind: record.kind,
    categoryCode: record.categoryCode,
    title: record.title,
    description: record.description,
    urgency: record.urgency,
    source: record.source,
    originId: record.originId ? String(record.originId) : null,
    location: record.location
      ? {
          lat: record.location.lat,
          lng: record.location.lng,
          address:
            options.detail && (isOwner || contactVisible)
              ? record.location.address
              : maskAddress(record.location.address),
        }
      : null,
    gridId: record.gridId ? String(record.gridId) : null,
    photos: record.photos.map(String),
    photoUrls: options.urlSecret
      ? record.photos.map((id) => signFileUrl(options.urlSecret!, String(id), options.now))
      : [],
    photoThumbUrls: options.urlSecret
      ? record.photos.map(
          (id) => `${signFileUrl(options.urlSecret!, String(id), options.now)}&variant=thumbnail`,
        )
      : [],
    // Staff see a masked number; the full one (and the name) only through the audited
    // GET /cases/:id/contact, so every view of it is logged.
    contactPhone: !record.contactPhone
      ? null
      : isOwner
        ? record.contactPhone
        : contactVisible
          ? maskPhone(record.contactPhone)
          : null,
    /** Whether GET /cases/:id/contact will answer this viewer (the "查看联系方式" button). */
    contactAvailable: !isOwner && viewer.role !== 'resident' && contactVisible,
    anonymous: record.anonymous,
    publicConsent: record.publicConsent,
    status: record.status,
    statusLabel: caseStatusLabels[record.status],
    unitId: record.unitId ? String(record.unitId) : null,
    firstReceiverUnitId: record.firstReceiverUnitId ? String(record.firstReceiverUnitId) : null,
    routing: {
      kind: record.routing.kind,
      unitId: record.routing.unitId ? String(record.routing.unitId) : null,
      ruleId: record.routing.ruleId ? String(record.routing.ruleId) : null,
      reason: record.routing.reason,
    },
    deadlines: {
      expectedAnswerBy: iso(record.deadlines.expectedAnswerBy),
      acceptBy: iso(record.deadlines.acceptBy),
      answerBy: iso(record.deadlines.answerBy),
      ratingBy: iso(record.deadlines.ratingBy),
      dueAt: iso(dueAt),
    },
    timeState: caseTimeState(options.now, record, options.limits.warnShare),
    transferCount: record.transferCount,
    returnCount: record.returnCount,
    reopenCount: record.reopenCount,
    supervisionFlag: record.supervisionFlag,
    supervisionLevel: record.supervision?.flag?.level ?? null,
    supervisionReportBy: record.supervision?.flag?.reportBy?.toISOString() ?? null,
    coUnitIds: record.coUnitIds.map(String),
    ownerLeaderId: record.ownerLeaderId ? String(record.ownerLeaderId) : null,
    objection: record.objection?.status
      ? {
          unitId: record.objection.unitId ? String(record.objection.unitId) : null,
          reason: record.objection.reason ?? null,
          status: record.objection.status,
        }
      : null,
    extension: record.extension?.status
      ? {
          workingDays: record.extension.workingDays ?? null,
          reason: record.extension.reason ?? null,
          status: record.extension.status,
          requestedAt: iso(record.extension.requestedAt),
        }
      : null,
    rating: record.rating?.value
      ? { value: record.rating.value, comment: record.rating.comment ?? null, at: iso(record.rating.at) }
      : null,
    submittedAt: iso(record.submittedAt),
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    acceptedAt: iso(record.acceptedAt),
    resolvedAt: iso(record.resolvedAt),
    closedAt: iso(record.closedAt),
    closedReason: record.closedReason ?? null,
    /** What this viewer may do with the case now (shared abilities): the client's buttons. */
    allowedActions: caseAllowedActions(viewer, record, options.currentUnit ?? null, options.now),
  }
}

/**
 * The timeline from events; residents never see internal notes or staff identities, and nobody
 * sees a resident's user id (an admin turns it into a name and phone; anonymous cases rely on it).
 */
export function presentTimeline(
  events: CaseEventRecord[],
  viewer: Viewer,
  signUrl?: (fileId: string) => string,
) {
  const staffView = viewer.role !== 'resident'
  return events
    .filter((event) => staffView || event.public)
    .map((event) => ({
      seq: event.seq,
      action: event.action,
      from: event.from ?? null,
      to: event.to,
      at: iso(event.at),
      actor: {
        role: event.actor.role,
        unitId: event.actor.unitId ? String(event.actor.unitId) : null,
        userId:
          staffView && event.actor.userId && event.actor.role !== 'resident'
            ? String(event.actor.userId)
            : undefined,
      },
      reason: event.reason ?? null,
      message: event.message ?? null,
      public: event.public,
      attachments: event.attachments.map(String),
      attachmentUrls: signUrl ? event.attachments.map((id) => signUrl(String(id))) : [],
      rating: (event.data as { rating?: string } | null)?.rating ?? undefined,
    }))
}
