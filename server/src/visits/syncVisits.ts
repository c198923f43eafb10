import { fieldIssuesFromZod, householdKey, visitInputSchema, type VisitInput } from '@minqing/shared'
import mongoose from 'mongoose'
import { createHash } from 'node:crypto'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { raiseProblems } from './raiseProblems'
import { VisitModel, VisitRevisionModel, type VisitDocument } from './visit.model'
import { campaignCache, visitProblem, type ItemError } from './visitChecks'

export type SyncResult =
  | { clientId: string | null; status: 'created' | 'duplicate' | 'updated'; id: string }
  | { clientId: string | null; status: 'error'; error: ItemError }

type VisitContent = Omit<VisitInput, 'clientId' | 'revision'>

/** Stable JSON (sorted keys), so the same content always hashes the same. */
function contentHashOf(content: unknown): string {
  const stable = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(stable)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
          )
        : value
  return createHash('sha256')
    .update(JSON.stringify(stable(content)))
    .digest('hex')
}

/**
 * Applies a batch from the phone, item by item, answering one result per item in order.
 * Same clientId + same content → duplicate (nothing written); same clientId + other content
 * and no higher revision → conflict (nothing overwritten); a higher revision replaces the
 * current one and joins the history. A retried or cut-off batch therefore never doubles.
 */
export async function syncVisits(deps: AppDeps, viewer: Viewer, items: unknown[]): Promise<SyncResult[]> {
  const campaignOf = campaignCache()
  const results: SyncResult[] = []
  for (const item of items) results.push(await syncOne(deps, viewer, item, campaignOf))
  return results
}

async function syncOne(
  deps: AppDeps,
  viewer: Viewer,
  item: unknown,
  campaignOf: ReturnType<typeof campaignCache>,
): Promise<SyncResult> {
  const rawClientId =
    typeof (item as { clientId?: unknown })?.clientId === 'string'
      ? (item as { clientId: string }).clientId
      : null
  const parsed = visitInputSchema.safeParse(item)
  if (!parsed.success) {
    const error = {
      code: 'VALIDATION_FAILED',
      message: '提交的内容有误 / Invalid visit',
      issues: fieldIssuesFromZod(parsed.error),
    }
    return { clientId: rawClientId, status: 'error', error }
  }
  const input = parsed.data
  const now = deps.clock.now()
  const problem = await visitProblem(input, viewer, now, campaignOf)
  if (problem) return { clientId: input.clientId, status: 'error', error: problem }

  const { clientId, revision, ...content } = input
  const contentHash = contentHashOf(content)
  const existing = await VisitModel.findOne({ createdBy: viewer.userId, clientId })
  if (!existing) return create(deps, viewer, input, content, contentHash, now)
  if (existing.contentHash === contentHash) {
    // A retry: the visit is there; file any problem a crashed first attempt did not get to.
    await raiseProblems(deps, viewer, existing, input)
    return { clientId, status: 'duplicate', id: String(existing._id) }
  }
  if (revision <= existing.revision) {
    const message = `内容与已同步的版本不同且版本号未增加 / Differs from revision ${existing.revision}; send a higher revision`
    return { clientId, status: 'error', error: { code: 'CONFLICT', message } }
  }
  const updated = await VisitModel.findOneAndUpdate(
    { _id: existing._id, revision: existing.revision },
    { $set: { revision, contentHash, ...indexedFields(viewer, input), content } },
    { new: true },
  )
  if (!updated) {
    const error = { code: 'CONFLICT', message: '该走访刚被更新 / Changed meanwhile; retry' }
    return { clientId, status: 'error', error }
  }
  await recordRevision(updated, revision, contentHash, content, viewer, now)
  await raiseProblems(deps, viewer, updated, input)
  return { clientId, status: 'updated', id: String(existing._id) }
}

/** Fields kept beside the content so progress and lists can query them. */
function indexedFields(viewer: Viewer, input: VisitInput) {
  const companions = input.companions.filter((id) => id !== viewer.userId)
  return {
    visitedAt: new Date(input.visitedAt),
    householdKey: householdKey(input.household),
    campaignId: input.campaignId ?? null,
    visitorIds: [viewer.userId, ...new Set(companions)],
  }
}

async function create(
  deps: AppDeps,
  viewer: Viewer,
  input: VisitInput,
  content: VisitContent,
  contentHash: string,
  now: Date,
): Promise<SyncResult> {
  let visit: VisitDocument
  try {
    visit = await VisitModel.create({
      clientId: input.clientId,
      createdBy: viewer.userId,
      unitId: viewer.unitId,
      revision: input.revision,
      contentHash,
      ...indexedFields(viewer, input),
      content,
    })
  } catch (error) {
    // Two copies of the same item racing (a retry while the first is in flight): one wins.
    if (error instanceof mongoose.mongo.MongoServerError && error.code === 11000) {
      const winner = await VisitModel.findOne({ createdBy: viewer.userId, clientId: input.clientId })
      if (winner?.contentHash === contentHash)
        return { clientId: input.clientId, status: 'duplicate', id: String(winner._id) }
    }
    throw error
  }
  await recordRevision(visit, input.revision, contentHash, content, viewer, now)
  await raiseProblems(deps, viewer, visit, input)
  return { clientId: input.clientId, status: 'created', id: String(visit._id) }
}

async function recordRevision(
  visit: VisitDocument,
  revision: number,
  contentHash: string,
  content: VisitContent,
  viewer: Viewer,
  now: Date,
) {
  await VisitRevisionModel.create({
    visitId: visit._id,
    revision,
    contentHash,
    content,
    by: viewer.userId,
    at: now,
  }).catch((error: unknown) => {
    if (!(error instanceof mongoose.mongo.MongoServerError && error.code === 11000)) throw error
  })
}
