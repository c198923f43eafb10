import {
  fieldIssuesFromZod,
  householdKey,
  visitDateProblem,
  visitInputSchema,
  type VisitInput,
} from '@minqing/shared'
import mongoose from 'mongoose'
import { createHash } from 'node:crypto'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { VisitModel, VisitRevisionModel } from './visit.model'

export type SyncResult =
  | { clientId: string | null; status: 'created' | 'duplicate' | 'updated'; id: string }
  | { clientId: string | null; status: 'error'; error: { code: string; message: string; issues?: unknown } }

const dateMessages = {
  future: '走访时间不能晚于现在 / A visit cannot be in the future',
  beforeCampaign: '走访时间早于活动开始 / Before the campaign started',
  afterCampaign: '走访时间晚于活动结束 / After the campaign ended',
} as const

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
  const results: SyncResult[] = []
  for (const item of items) results.push(await syncOne(deps, viewer, item))
  return results
}

async function syncOne(deps: AppDeps, viewer: Viewer, item: unknown): Promise<SyncResult> {
  const rawClientId =
    typeof (item as { clientId?: unknown })?.clientId === 'string'
      ? (item as { clientId: string }).clientId
      : null
  const parsed = visitInputSchema.safeParse(item)
  if (!parsed.success) {
    return {
      clientId: rawClientId,
      status: 'error',
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误 / Invalid visit',
        issues: fieldIssuesFromZod(parsed.error),
      },
    }
  }
  const input = parsed.data
  const now = deps.clock.now()
  const visitedAt = new Date(input.visitedAt)
  const dateProblem = visitDateProblem(visitedAt, now)
  if (dateProblem)
    return {
      clientId: input.clientId,
      status: 'error',
      error: { code: 'INVALID_DATE', message: dateMessages[dateProblem] },
    }

  const { clientId, revision, ...content } = input
  const contentHash = contentHashOf(content)
  const existing = await VisitModel.findOne({ createdBy: viewer.userId, clientId })
  if (!existing) return create(viewer, input, content, contentHash, visitedAt, now)
  if (existing.contentHash === contentHash)
    return { clientId, status: 'duplicate', id: existing.id as string }
  if (revision <= existing.revision) {
    return {
      clientId,
      status: 'error',
      error: {
        code: 'CONFLICT',
        message: `内容与已同步的版本不同且版本号未增加 / Differs from revision ${existing.revision}; send a higher revision`,
      },
    }
  }
  const updated = await VisitModel.findOneAndUpdate(
    { _id: existing._id, revision: existing.revision },
    {
      $set: {
        revision,
        contentHash,
        content,
        visitedAt,
        householdKey: householdKey(input.household),
        campaignId: input.campaignId ?? null,
      },
    },
    { new: true },
  )
  if (!updated)
    return {
      clientId,
      status: 'error',
      error: { code: 'CONFLICT', message: '该走访刚被更新 / Changed meanwhile; retry' },
    }
  await VisitRevisionModel.create({
    visitId: existing._id,
    revision,
    contentHash,
    content,
    by: viewer.userId,
    at: now,
  }).catch(ignoreDuplicate)
  return { clientId, status: 'updated', id: existing.id as string }
}

async function create(
  viewer: Viewer,
  input: VisitInput,
  content: Omit<VisitInput, 'clientId' | 'revision'>,
  contentHash: string,
  visitedAt: Date,
  now: Date,
): Promise<SyncResult> {
  try {
    const visit = await VisitModel.create({
      clientId: input.clientId,
      createdBy: viewer.userId,
      unitId: viewer.unitId,
      campaignId: input.campaignId ?? null,
      revision: input.revision,
      contentHash,
      visitedAt,
      householdKey: householdKey(input.household),
      content,
    })
    await VisitRevisionModel.create({
      visitId: visit._id,
      revision: input.revision,
      contentHash,
      content,
      by: viewer.userId,
      at: now,
    }).catch(ignoreDuplicate)
    return { clientId: input.clientId, status: 'created', id: visit.id as string }
  } catch (error) {
    // Two copies of the same item racing (a retry while the first is in flight): one wins.
    if (error instanceof mongoose.mongo.MongoServerError && error.code === 11000) {
      const winner = await VisitModel.findOne({ createdBy: viewer.userId, clientId: input.clientId })
      if (winner?.contentHash === contentHash)
        return { clientId: input.clientId, status: 'duplicate', id: winner.id as string }
    }
    throw error
  }
}

function ignoreDuplicate(error: unknown) {
  if (!(error instanceof mongoose.mongo.MongoServerError && error.code === 11000)) throw error
}
