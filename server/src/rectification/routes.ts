import {
  rectificationClosureInputSchema,
  rectificationDecisionInputSchema,
  rectificationEventsSchema,
  rectificationListDetailSchema,
  rectificationListInputSchema,
  rectificationListsSchema,
  rectificationProblemSchema,
  rectificationProgressInputSchema,
  rectificationRecheckInputSchema,
  rectificationAdjustInputSchema,
  rectificationReportSchema,
} from '@minqing/shared'
import type { Context } from 'koa'
import { z } from 'zod'
import { streamLedger } from '../exports/writeLedger'
import { defineRoute, nonJson, type Viewer } from '../http/defineRoute'
import { createList } from './createList'
import { rectificationLedgerColumns, rectificationLedgerRows } from './ledger'
import { findReadableList, findReadableProblem, viewerUnitChain, visibleListIds } from './policy'
import { adjustProblem, decideClosure, recheck, reportProgress, requestClosure } from './problemActions'
import {
  listTotals,
  namesFor,
  presentListDetail,
  presentListSummary,
  presentProblem,
} from './presentRectification'
import {
  RectificationEventModel,
  RectificationListModel,
  RectificationProblemModel,
  type RectificationProblemDocument,
} from './rectification.model'

const idParams = z.object({ id: z.string().max(64) })
const everyone = ['leader', 'admin', 'staff', 'handler'] as const

const problemsOf = (listId: unknown) => RectificationProblemModel.find({ listId }).sort({ no: 1, _id: 1 })

async function context(ctx: Context, viewer: Viewer) {
  return {
    viewer,
    chain: await viewerUnitChain(viewer),
    now: ctx.deps.clock.now(),
    urlSecret: ctx.deps.urlSecret,
  }
}

/** Loads the problem (if readable), runs the action, answers the problem as it is now. */
async function act(
  ctx: Context,
  viewer: Viewer,
  id: string,
  run: (
    target: Awaited<ReturnType<typeof findReadableProblem>> & { viewer: Viewer; now: Date },
  ) => Promise<RectificationProblemDocument>,
) {
  const found = await findReadableProblem(viewer, id)
  const updated = await run({ ...found, viewer, now: ctx.deps.clock.now() })
  return presentProblem(found.list, updated, await namesFor([updated]), await context(ctx, viewer))
}

export const rectificationRoutes = [
  defineRoute({
    method: 'post',
    path: '/rectification/lists',
    access: ['leader', 'admin'],
    summary:
      '整改台账: create a list with its tree 方面 → 项 → 问题 (leader, lead unit, measures, target, deadline)',
    body: rectificationListInputSchema,
    status: 201,
    response: rectificationListDetailSchema,
    handler: async (ctx, { body, viewer }) => {
      const list = await createList(viewer, body, ctx.deps.clock.now())
      return presentListDetail(list, await problemsOf(list._id), await context(ctx, viewer))
    },
  }),
  defineRoute({
    method: 'get',
    path: '/rectification/lists',
    access: everyone,
    summary: 'Rectification lists you own, lead above, or work on, newest first, with the headline count',
    response: rectificationListsSchema,
    handler: async (ctx, { viewer }) => {
      const ids = await visibleListIds(viewer)
      const lists = await RectificationListModel.find(ids ? { _id: { $in: ids } } : {})
        .sort({ createdAt: -1, _id: -1 })
        .limit(100)
      const now = ctx.deps.clock.now()
      const items = []
      for (const list of lists)
        items.push(presentListSummary(list, listTotals(list, await problemsOf(list._id), now).headline))
      return { items }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/rectification/lists/:id',
    access: everyone,
    summary: 'One list as its tree, each problem with its progress, 销号, 回头看 and the actions open to you',
    params: idParams,
    response: rectificationListDetailSchema,
    handler: async (ctx, { params, viewer }) => {
      const list = await findReadableList(viewer, params.id)
      return presentListDetail(list, await problemsOf(list._id), await context(ctx, viewer))
    },
  }),
  defineRoute({
    method: 'get',
    path: '/rectification/lists/:id/report',
    access: everyone,
    summary:
      'The printable report: "三方面17项43个问题，已整改完成N个", counted per aspect from the problems',
    params: idParams,
    response: rectificationReportSchema,
    handler: async (ctx, { params, viewer }) => {
      const list = await findReadableList(viewer, params.id)
      const now = ctx.deps.clock.now()
      const { aspects, totals, headline } = listTotals(list, await problemsOf(list._id), now)
      return {
        title: list.title,
        source: list.source as 'inspection',
        headline,
        totals,
        aspects,
        generatedAt: now.toISOString(),
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/rectification/lists/:id/ledger.xlsx',
    access: everyone,
    summary: 'The rectification ledger (整改台账) as .xlsx: one row per problem',
    params: idParams,
    response: nonJson(
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      'The ledger workbook',
    ),
    handler: async (ctx, { params, viewer }) => {
      const list = await findReadableList(viewer, params.id)
      const problems = await problemsOf(list._id)
      await streamLedger(ctx, {
        format: 'xlsx',
        filename: `整改台账_${list.title}`,
        sheet: '整改台账',
        columns: rectificationLedgerColumns,
        rows: rectificationLedgerRows(list, problems, ctx.deps.clock.now()),
        totalRows: problems.length,
      })
      return undefined
    },
  }),
  defineRoute({
    method: 'get',
    path: '/rectification/problems/:id/events',
    access: everyone,
    summary: "A problem's append-only history: every progress report, 销号 request, decision and 回头看",
    params: idParams,
    response: rectificationEventsSchema,
    handler: async (_ctx, { params, viewer }) => {
      const { problem } = await findReadableProblem(viewer, params.id)
      const events = await RectificationEventModel.find({ problemId: problem._id }).sort({ seq: 1 })
      return {
        items: events.map((event) => ({
          seq: event.seq,
          action: event.action,
          from: event.from ?? null,
          to: event.to,
          by: String(event.actor.userId),
          at: event.at.toISOString(),
          note: event.note ?? null,
        })),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/rectification/problems/:id/progress',
    access: everyone,
    summary: 'Report progress (responsible leader or the lead unit)',
    params: idParams,
    body: rectificationProgressInputSchema,
    response: rectificationProblemSchema,
    handler: async (ctx, { params, body, viewer }) =>
      act(ctx, viewer, params.id, (target) => reportProgress(target, body.note)),
  }),
  defineRoute({
    method: 'post',
    path: '/rectification/problems/:id/closure',
    access: everyone,
    summary: 'Ask for 销号 with evidence (files uploaded first); the list owner approves',
    params: idParams,
    body: rectificationClosureInputSchema,
    response: rectificationProblemSchema,
    handler: async (ctx, { params, body, viewer }) =>
      act(ctx, viewer, params.id, (target) => requestClosure(target, body)),
  }),
  defineRoute({
    method: 'post',
    path: '/rectification/problems/:id/decision',
    access: everyone,
    summary: 'The list owner approves the 销号 or sends it back with a reason',
    params: idParams,
    body: rectificationDecisionInputSchema,
    response: rectificationProblemSchema,
    handler: async (ctx, { params, body, viewer }) =>
      act(ctx, viewer, params.id, (target) => decideClosure(target, body)),
  }),
  defineRoute({
    method: 'post',
    path: '/rectification/problems/:id/adjustment',
    access: everyone,
    summary:
      '调整 (list owner): move the deadline, rewrite measures or target, or change who leads, with a reason',
    params: idParams,
    body: rectificationAdjustInputSchema,
    response: rectificationProblemSchema,
    handler: async (ctx, { params, body, viewer }) =>
      act(ctx, viewer, params.id, (target) => adjustProblem(target, body)),
  }),
  defineRoute({
    method: 'post',
    path: '/rectification/problems/:id/recheck',
    access: everyone,
    summary:
      '回头看 (list owner): set a re-check date, then record its result; a relapse reopens the problem',
    params: idParams,
    body: rectificationRecheckInputSchema,
    response: rectificationProblemSchema,
    handler: async (ctx, { params, body, viewer }) =>
      act(ctx, viewer, params.id, (target) => recheck(target, body)),
  }),
]
