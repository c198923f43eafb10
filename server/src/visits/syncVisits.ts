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
 * Applies a batch from the phone, answering one result per item in order.
 * Same clientId + same content → duplicate (nothing written); same clientId + other content
 * and no higher revision → conflict (nothing overwritten); a higher revision replaces the
 * current one and joins the history. A retried or cut-off batch therefore never doubles.
 *
 * The batch's existing visits are read in one query and its new visits written in one insert:
 * per-item round trips made a 200-visit batch take seconds on FerretDB.
 */
export async function syncVisits(deps: AppDeps, viewer: Viewer, items: unknown[]): Promise<SyncResult[]> {
  const campaignOf = campaignCache()
  const now = deps.clock.now()
  const checked = await Promise.all(items.map((item) => checkItem(viewer, item, now, campaignOf)))
  const valid = checked.filter((entry): entry is Checked => 'input' in entry)
  const existing = new Map(
    (
      await VisitModel.find({
        createdBy: viewer.userId,
        clientId: { $in: valid.map((entry) => entry.input.clientId) },
      })
    ).map((visit) => [visit.clientId, visit]),
  )
  const fresh = new Map<string, Checked>()
  const results: Array<SyncResult | Checked> = []
  for (const entry of checked) {
    if (!('input' in entry)) results.push(entry)
    else if (existing.has(entry.input.clientId))
      results.push(await applyToExisting(deps, viewer, entry, existing, now))
    else if (fresh.has(entry.input.clientId)) {
      // The same visit twice in one batch: the first copy is written, the second answers as a retry would.
      results.push(entry)
    } else {
      fresh.set(entry.input.clientId, entry)
      results.push(entry)
    }
  }
  const created = await createAll(deps, viewer, [...fresh.values()], now)
  return results.map((entry) => ('status' in entry ? entry : settle(entry, fresh, created)))
}

interface Checked {
  input: VisitInput
  content: VisitContent
  contentHash: string
}

async function checkItem(
  viewer: Viewer,
  item: unknown,
  now: Date,
  campaignOf: ReturnType<typeof campaignCache>,
): Promise<Checked | SyncResult> {
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
  const problem = await visitProblem(input, viewer, now, campaignOf)
  if (problem) return { clientId: input.clientId, status: 'error', error: problem }
  const { clientId: _clientId, revision: _revision, ...content } = input
  return { input, content, contentHash: contentHashOf(content) }
}

/** The answer for a visit written (or found written) by `createAll`. */
function settle(entry: Checked, fresh: Map<string, Checked>, created: Map<string, SyncResult>): SyncResult {
  const result = created.get(entry.input.clientId)!
  if (fresh.get(entry.input.clientId) === entry || result.status === 'error') return result
  if (result.status !== 'created' && result.status !== 'duplicate') return result
  const first = fresh.get(entry.input.clientId)!
  return first.contentHash === entry.contentHash
    ? { clientId: entry.input.clientId, status: 'duplicate', id: result.id }
    : {
        clientId: entry.input.clientId,
        status: 'error',
        error: {
          code: 'CONFLICT',
          message: '同一批次中内容不同 / Differs from the copy earlier in this batch',
        },
      }
}

async function applyToExisting(
  deps: AppDeps,
  viewer: Viewer,
  { input, content, contentHash }: Checked,
  existingByClientId: Map<string, VisitDocument>,
  now: Date,
): Promise<SyncResult> {
  const { clientId, revision } = input
  const existing = existingByClientId.get(clientId)!
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
  existingByClientId.set(clientId, updated)
  await recordRevisions([{ visit: updated, revision, contentHash, content }], viewer, now)
  await raiseProblems(deps, viewer, updated, input)
  return { clientId, status: 'updated', id: String(existing._id) }
}

/** Fields kept beside the content so progress and lists can query them. */
function indexedFields(viewer: Viewer, input: VisitInput) {
  const companions = input.companions.filter((id) => id !== viewer.userId)
  return {
    visitedAt: new Date(input.visitedAt),
    householdKey: householdKey(input.household),
    householdId: input.householdId ?? null,
    campaignId: input.campaignId ?? null,
    visitorIds: [viewer.userId, ...new Set(companions)],
  }
}

/**
 * Writes the batch's new visits in one unordered insert. A visit that another copy of the batch
 * (a retry racing a dropped request) wrote first fails with a duplicate key: it is answered as a
 * duplicate when the stored content is the same, as a conflict otherwise.
 */
async function createAll(
  deps: AppDeps,
  viewer: Viewer,
  entries: Checked[],
  now: Date,
): Promise<Map<string, SyncResult>> {
  const results = new Map<string, SyncResult>()
  if (entries.length === 0) return results
  const docs = entries.map(({ input, content, contentHash }) => ({
    _id: new mongoose.Types.ObjectId(),
    clientId: input.clientId,
    createdBy: viewer.userId,
    unitId: viewer.unitId,
    revision: input.revision,
    contentHash,
    ...indexedFields(viewer, input),
    content,
  }))
  const failed = new Set<string>()
  try {
    await VisitModel.insertMany(docs, { ordered: false })
  } catch (error) {
    const writeErrors = (
      error as { writeErrors?: Array<{ index?: number; err?: { index: number; code?: number } }> }
    ).writeErrors
    if (!writeErrors) throw error
    for (const writeError of writeErrors) {
      const index = writeError.err?.index ?? writeError.index ?? -1
      const code =
        (writeError.err as { code?: number } | undefined)?.code ?? (writeError as { code?: number }).code
      if (code !== 11000) throw error
      failed.add(docs[index]!.clientId)
    }
  }
  const winners = failed.size
    ? await VisitModel.find({ createdBy: viewer.userId, clientId: { $in: [...failed] } })
    : []
  const written: Array<{ visit: VisitDocument; entry: Checked }> = []
  for (const [index, entry] of entries.entries()) {
    const clientId = entry.input.clientId
    if (!failed.has(clientId)) {
      const visit = VisitModel.hydrate(docs[index]) as VisitDocument
      written.push({ visit, entry })
      results.set(clientId, { clientId, status: 'created', id: String(docs[index]!._id) })
      continue
    }
    const winner = winners.find((visit) => visit.clientId === clientId)
    results.set(
      clientId,
      winner?.contentHash === entry.contentHash
        ? { clientId, status: 'duplicate', id: String(winner._id) }
        : {
            clientId,
            status: 'error',
            error: { code: 'CONFLICT', message: '该走访刚被更新 / Changed meanwhile; retry' },
          },
    )
  }
  await recordRevisions(
    written.map(({ visit, entry }) => ({
      visit,
      revision: entry.input.revision,
      contentHash: entry.contentHash,
      content: entry.content,
    })),
    viewer,
    now,
  )
  for (const { visit, entry } of written) await raiseProblems(deps, viewer, visit, entry.input)
  return results
}

/** Every revision is kept with who and when; a revision already recorded (a retry) is skipped. */
async function recordRevisions(
  revisions: Array<{ visit: VisitDocument; revision: number; contentHash: string; content: VisitContent }>,
  viewer: Viewer,
  now: Date,
) {
  if (revisions.length === 0) return
  const docs = revisions.map(({ visit, revision, contentHash, content }) => ({
    visitId: visit._id,
    revision,
    contentHash,
    content,
    by: viewer.userId,
    at: now,
  }))
  try {
    await VisitRevisionModel.insertMany(docs, { ordered: false })
  } catch (error) {
    const writeErrors = (error as { writeErrors?: Array<{ err?: { code?: number }; code?: number }> })
      .writeErrors
    if (!writeErrors?.every((writeError) => (writeError.err?.code ?? writeError.code) === 11000)) throw error
  }
}
