import { duplicatePolicy, duplicateScore, followableStatuses } from '@minqing/shared'
import { CaseModel, type CaseDocument } from './case.model'

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
 */
export async function findSimilarCases(question: SimilarQuestion, now: Date, excludeId?: string) {
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
  return candidates
    .filter((record) => String(record._id) !== excludeId)
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
    title: record.title,
    status: record.status,
    submittedAt: record.submittedAt.toISOString(),
    score: Math.round(score * 100) / 100,
  }
}
