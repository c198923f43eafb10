import type { FilterQuery } from 'mongoose'
import { escapeRegex } from '../db/escapeRegex'
import type { Viewer } from '../http/defineRoute'
import { HouseholdModel } from './household.model'
import { householdScope } from './householdScope'

/** Households in the viewer's scope whose head's name or address contains the words, newest first. */
export async function searchHouseholds(viewer: Viewer, q: string | undefined, limit: number) {
  const conditions: FilterQuery<unknown>[] = [await householdScope(viewer)]
  if (q) {
    const pattern = new RegExp(escapeRegex(q))
    conditions.push({ $or: [{ headName: pattern }, { address: pattern }, { 'members.name': pattern }] })
  }
  return HouseholdModel.find({ $and: conditions }).sort({ createdAt: -1, _id: -1 }).limit(limit)
}
