import { duplicatePolicy, duplicateScore, followableStatuses } from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import { CaseModel, type CaseDocument } from './case.model'
import { canReadCase } from './policy'
import { isPublicCase, publicText } from './publicView'
import { districtOfPoint, districtOfUnits, soleTopLevelUnit, unitsById } from './districts'

export interface SimilarQuestion {
  categoryCode: string
  title: string
  description: string
  /** Loose on purpose: stored locations come back from mongoose with optional fields. */
  location?: { lat?: number | null; lng?: number | null } | null
}

/**
 * Open cases of the same category from the last weeks that may describe the same problem, best
 * first. Candidates come from an indexed query (category + recency); scoring is in memory.
 * Unrestricted: for internal advice (units suggested to the dispatcher). Anything shown to a
 * person goes through `findVisibleSimilarCases`.
 */
export async function findSimilarCases(
  question: SimilarQuestion,
  now: Date,
  excludeId?: string,
  keep: (candidates: CaseDocument[]) => Promise<CaseDocument[]> = async (candidates) => candidates,
) {
  const since = new Date(now.getTime() - duplicatePolicy.maxAgeDays * 86_400_000)
  const candidates = await CaseModel.find({
    categoryCode: question.categoryCode,
    submittedAt: { $gte: since },
    status: { $in: [...followableStatuses] },
  })
    .sort({ submittedAt: -1 })
    .limit(300)
  const probe = {
    categoryCode: question.categoryCode,
    text: `${question.title} ${question.description}`,
    location: pointOf(question.location),
    at: now,
  }
  return (await keep(candidates.filter((record) => String(record._id) !== excludeId)))
    .map((record) => ({
      record,
      score: duplicateScore(probe, {
        categoryCode: record.categoryCode,
        text: `${record.title} ${record.description}`,
        location: pointOf(record.location),
        at: record.submittedAt,
      }),
    }))
    .filter((match): match is { record: CaseDocument; score: number } => match.score !== null)
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
}

export interface SimilarScope {
  viewer: Viewer
  /** The district (top-level unit) to search; null searches nothing, except for admins. */
  districtId: string | null
  excludeId?: string
}

/**
 * Similar cases someone may be shown: only of the one district, and of those only what the
 * viewer may read in full or what is public (consented, not anonymous). A stranger must not find
 * a private case's id here (it used to search every district and return anonymous cases).
 */
export async function findVisibleSimilarCases(question: SimilarQuestion, now: Date, scope: SimilarScope) {
  if (!scope.districtId && scope.viewer.role !== 'admin') return []
  return findSimilarCases(question, now, scope.excludeId, async (candidates) => {
    const units = await unitsById(candidates.flatMap((record) => caseUnitIds(record)))
    let sole: Promise<string | null> | undefined
    const fallback = () => (sole ??= soleTopLevelUnit())
    const visible: CaseDocument[] = []
    for (const record of candidates) {
      if (scope.districtId && (await districtOfCase(record, units, fallback)) !== scope.districtId) continue
      const current = record.unitId ? (units.get(String(record.unitId)) ?? null) : null
      if (canReadCase(scope.viewer, record, current) || isPublicCase(record)) visible.push(record)
    }
    return visible
  })
}

/** The units a case belongs to, most telling first: where it is now, who first got it, its grid. */
function caseUnitIds(record: CaseDocument): string[] {
  return [record.unitId, record.firstReceiverUnitId, record.gridId].flatMap((id) => (id ? [String(id)] : []))
}

/** A case's district: that of its units when it has any, else that of its place, else the only one. */
export async function districtOfCase(
  record: CaseDocument,
  units?: Awaited<ReturnType<typeof unitsById>>,
  fallback: () => Promise<string | null> = soleTopLevelUnit,
): Promise<string | null> {
  const ids = caseUnitIds(record)
  const byUnit = ids.length ? districtOfUnits(ids, units ?? (await unitsById(ids))) : null
  if (byUnit) return byUnit
  const point = pointOf(record.location)
  return (point ? await districtOfPoint(point) : null) ?? fallback()
}

/** A usable point, or null when the location is missing or incomplete. */
export function pointOf(location: { lat?: number | null; lng?: number | null } | null | undefined) {
  return location && typeof location.lat === 'number' && typeof location.lng === 'number'
    ? { lat: location.lat, lng: location.lng }
    : null
}

/** What anyone may see of a possible duplicate: enough to recognise it, nothing personal. */
export function presentSimilar({ record, score }: { record: CaseDocument; score: number }) {
  return {
    id: record.id as string,
    number: record.number,
    title: publicText(record.title),
    status: record.status,
    submittedAt: record.submittedAt.toISOString(),
    score: Math.round(score * 100) / 100,
  }
}
