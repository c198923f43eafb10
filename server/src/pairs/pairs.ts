import { AppError, householdKey, maskAddress, maskPhone, revisitDue, type PairInput } from '@minqing/shared'
import mongoose from 'mongoose'
import type { Viewer } from '../http/defineRoute'
import { VisitModel } from '../visits/visit.model'
import { PairModel, type PairDocument } from './pair.model'

/** Pairs a member with a household; pairing again with an ended pair takes it up again. */
export async function createPair(viewer: Viewer, input: PairInput, now: Date): Promise<PairDocument> {
  const key = householdKey(input.household)
  const existing = await PairModel.findOne({ staffId: viewer.userId, householdKey: key })
  if (existing && !existing.endedAt) throw new AppError('DUPLICATE')
  const fields = {
    household: { ...input.household, phone: input.household.phone ?? null },
    revisitEveryDays: input.revisitEveryDays,
    notes: input.notes,
    pairedAt: now,
    endedAt: null,
  }
  if (existing) return (await PairModel.findByIdAndUpdate(existing._id, { $set: fields }, { new: true }))!
  return PairModel.create({ staffId: viewer.userId, unitId: viewer.unitId, householdKey: key, ...fields })
}

export async function findOwnPair(viewer: Viewer, id: string): Promise<PairDocument> {
  const pair = mongoose.isValidObjectId(id)
    ? await PairModel.findOne({ _id: id, staffId: viewer.userId })
    : null
  if (!pair) throw new AppError('NOT_FOUND')
  return pair
}

/** The member's visits to the paired household, newest first: the pair's history. */
export function pairVisits(pair: PairDocument, limit = 50) {
  return VisitModel.find({ visitorIds: pair.staffId, householdKey: pair.householdKey })
    .sort({ visitedAt: -1 })
    .limit(limit)
}

/** A pair as listed: household contact masked, with when the next revisit is due. */
export async function presentPairs(pairs: PairDocument[], now: Date) {
  // Newest first, so the first visit seen per household is its latest ($max in $group is not
  // available on FerretDB v1).
  const visits = await VisitModel.find(
    {
      visitorIds: { $in: [...new Set(pairs.map((pair) => String(pair.staffId)))] },
      householdKey: { $in: pairs.map((pair) => pair.householdKey) },
    },
    { householdKey: 1, visitedAt: 1, visitorIds: 1 },
  ).sort({ visitedAt: -1 })
  const lastVisit = new Map<string, Date>()
  for (const pair of pairs) {
    const latest = visits.find(
      (visit) =>
        visit.householdKey === pair.householdKey &&
        visit.visitorIds.some((visitor) => String(visitor) === String(pair.staffId)),
    )
    if (latest) lastVisit.set(String(pair._id), latest.visitedAt)
  }
  return pairs.map((pair) => {
    const last = lastVisit.get(String(pair._id)) ?? null
    return {
      id: String(pair._id),
      household: {
        name: pair.household.name ?? '',
        address: maskAddress(pair.household.address ?? ''),
        phone: maskPhone(pair.household.phone ?? undefined),
        tags: pair.household.tags,
      },
      revisitEveryDays: pair.revisitEveryDays,
      pairedAt: pair.pairedAt.toISOString(),
      endedAt: pair.endedAt ? pair.endedAt.toISOString() : null,
      lastVisitAt: last ? last.toISOString() : null,
      revisit: revisitDue(pair.pairedAt, last, pair.revisitEveryDays, now),
    }
  })
}
