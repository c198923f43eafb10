import { repeatDeadline, sameMatter, type RepeatReason } from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'
import { CaseModel } from '../cases/case.model'
import { isDuplicateKey } from '../db/duplicateKey'
import { castNew, insertCast } from '../db/insertCast'
import { phoneDigest } from '../households/phoneDigest'
import type { AppDeps } from '../http/deps'
import { VisitModel } from '../visits/visit.model'
import { CaseSubjectModel, RepeatConcernModel } from './repeatConcern.model'

/** The most recent earlier cases of a household or phone that are compared (a bound on the reads per case). */
const maxEarlier = 20

/** Inserts once; a retry of the same case finds the row there (unique on caseId). */
async function insertOnce(write: () => Promise<unknown>): Promise<void> {
  try {
    await write()
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

/** The household a case is about: the one its visit was linked to. */
async function householdOf(record: CaseDocument) {
  if (record.source !== 'visit' || !record.originId) return null
  return (await VisitModel.findById(record.originId, { householdId: 1 }))?.householdId ?? null
}

/**
 * Records who a new case is about (household, phone hash) and flags it as a repeat concern when
 * the same household or phone raised the same matter before and that case was closed. Idempotent:
 * submitCase calls it again on a retry, which repairs a first attempt that died half-way.
 */
export async function flagRepeatConcern(deps: AppDeps, record: CaseDocument): Promise<void> {
  const householdId = await householdOf(record)
  const phoneHash = phoneDigest(deps.urlSecret, record.contactPhone)
  // Through the driver (db/insertCast.ts): every submission records its subject (issue 18).
  await insertOnce(() =>
    insertCast(CaseSubjectModel, [
      castNew(CaseSubjectModel, { caseId: record._id, householdId, phoneHash, at: record.submittedAt }),
    ]),
  )
  if (!householdId && !phoneHash) return
  const earlier = new Map<string, 'household' | 'phone'>()
  // One equality query per key: pushed down (and index-served) on FerretDB, unlike an $or.
  const recent = { at: -1 as const, _id: -1 as const }
  if (householdId)
    for (const subject of await CaseSubjectModel.find({ householdId }, { caseId: 1 })
      .sort(recent)
      .limit(maxEarlier))
      earlier.set(String(subject.caseId), 'household')
  if (phoneHash)
    for (const subject of await CaseSubjectModel.find({ phoneHash }, { caseId: 1 })
      .sort(recent)
      .limit(maxEarlier))
      if (!earlier.has(String(subject.caseId))) earlier.set(String(subject.caseId), 'phone')
  earlier.delete(String(record._id))
  if (earlier.size === 0) return
  // One read by _id per earlier case: an $in is never pushed down on FerretDB and would scan every case.
  const fields = {
    number: 1,
    status: 1,
    categoryCode: 1,
    title: 1,
    description: 1,
    closedAt: 1,
    ownerLeaderId: 1,
    mergedInto: 1,
  }
  const closed = (await Promise.all([...earlier.keys()].map((id) => CaseModel.findById(id, fields))))
    .filter((item): item is NonNullable<typeof item> => item !== null)
    .filter((item) => item.status === 'closed' && item.closedAt && item.closedAt <= record.submittedAt)
    .sort(
      (a, b) => b.closedAt!.getTime() - a.closedAt!.getTime() || String(b._id).localeCompare(String(a._id)),
    )
  const matches: Array<{ record: (typeof closed)[number]; reason: RepeatReason }> = []
  for (const previous of closed) {
    if (previous.mergedInto) continue // a merged duplicate was not answered on its own
    const reason = sameMatter(record, previous)
    if (reason) matches.push({ record: previous, reason })
  }
  if (matches.length === 0) return
  const latest = matches[0]!
  await insertOnce(() =>
    RepeatConcernModel.create({
      caseId: record._id,
      caseNumber: record.number,
      unitId: record.unitId,
      householdId,
      matchedBy: earlier.get(String(latest.record._id)),
      reason: matches.some((match) => match.reason === 'sameCategory') ? 'sameCategory' : 'similarText',
      previousCaseIds: matches.map((match) => match.record._id),
      // The leader who owned the matter last time keeps it (包案到底), unless the case has its own.
      ownerLeaderId:
        record.ownerLeaderId ??
        matches.find((match) => match.record.ownerLeaderId)?.record.ownerLeaderId ??
        null,
      deadline: repeatDeadline(record.submittedAt),
      flaggedAt: record.submittedAt,
    }),
  )
}
