import { maskAddress, maskPhone, type VisitInput } from '@minqing/shared'
import { signFileUrl } from '../files/signedUrl'
import type { VisitDocument } from './visit.model'

type Content = Omit<VisitInput, 'clientId' | 'revision'>

/** A visit in a list: household contact masked. */
export function presentVisitSummary(visit: VisitDocument) {
  const content = visit.content as Content
  return {
    id: String(visit._id),
    clientId: visit.clientId,
    revision: visit.revision,
    campaignId: visit.campaignId ? String(visit.campaignId) : null,
    createdBy: String(visit.createdBy),
    visitedAt: visit.visitedAt.toISOString(),
    household: {
      name: content.household.name,
      address: maskAddress(content.household.address),
      phone: maskPhone(content.household.phone),
      tags: content.household.tags,
    },
    purposes: content.purposes,
    notes: content.notes,
    photoCount: content.photos.length,
    problemCaseIds: (visit.problemCaseIds ?? []).map(String),
    householdId: visit.householdId ? String(visit.householdId) : null,
  }
}

/** One visit in full, for its author and the leaders above them. */
export function presentVisitDetail(
  visit: VisitDocument,
  extra: {
    urlSecret: string
    now: Date
    cases: Array<{ id: string; number: string; status: string; unitId: string | null }>
    revisions: Array<{ revision: number; by: string; at: Date }>
  },
) {
  const content = visit.content as Content
  return {
    ...presentVisitSummary(visit),
    household: content.household,
    location: content.location ?? null,
    companions: content.companions,
    followUp: content.followUp,
    problems: content.problems.map((problem, index) => ({ ...problem, case: extra.cases[index] ?? null })),
    followedUpCaseIds: content.followedUpCaseIds ?? [],
    photos: content.photos,
    photoUrls: content.photos.map((id) => signFileUrl(extra.urlSecret, id, extra.now)),
    revisions: extra.revisions.map((revision) => ({
      revision: revision.revision,
      by: revision.by,
      at: revision.at.toISOString(),
    })),
  }
}
