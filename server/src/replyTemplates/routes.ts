import { scopeFilter, writeTenant } from '../tenants/tenantScope'
import {
  AppError,
  caseTemplatesQuerySchema,
  filledReplyTemplateListSchema,
  objectIdSchema,
  replyTemplateInputSchema,
  replyTemplateListSchema,
  replyTemplatePatchSchema,
  replyTemplateSchema,
} from '@minqing/shared'
import { z } from 'zod'
import { loadReadableCase } from '../cases/policy'
import { defineRoute } from '../http/defineRoute'
import { presentReplyTemplate, ReplyTemplateModel } from './replyTemplate.model'
import { templatesForCase } from './templatesForCase'

const byId = z.object({ id: objectIdSchema })
const caseWorkers = ['handler', 'staff', 'leader', 'admin'] as const

export const replyTemplateRoutes = [
  defineRoute({
    method: 'get',
    path: '/reply-templates',
    access: ['admin'],
    summary: 'Every reply template (答复模板), by action and category',
    response: replyTemplateListSchema,
    handler: async (_ctx, { viewer }) => ({
      items: (
        await ReplyTemplateModel.find(scopeFilter(viewer)).sort({ action: 1, categoryCode: 1, _id: 1 })
      ).map(presentReplyTemplate),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/reply-templates',
    access: ['admin'],
    summary: 'Add a reply template; an unknown {placeholder} is refused with 400',
    body: replyTemplateInputSchema,
    status: 201,
    response: replyTemplateSchema,
    handler: async (_ctx, { body, viewer }) =>
      presentReplyTemplate(await ReplyTemplateModel.create({ ...body, tenantId: writeTenant(viewer) })),
  }),
  defineRoute({
    method: 'patch',
    path: '/reply-templates/:id',
    access: ['admin'],
    summary: 'Change a reply template (text, category, action, on/off)',
    params: byId,
    body: replyTemplatePatchSchema,
    response: replyTemplateSchema,
    handler: async (_ctx, { params, body, viewer }) => {
      const updated = await ReplyTemplateModel.findOneAndUpdate(
        { _id: params.id, ...scopeFilter(viewer) },
        { $set: body },
        { new: true },
      )
      if (!updated) throw new AppError('NOT_FOUND')
      return presentReplyTemplate(updated)
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/reply-templates/:id',
    access: ['admin'],
    summary: 'Delete a reply template',
    params: byId,
    response: z.object({ deleted: z.literal(true) }),
    handler: async (_ctx, { params, viewer }) => {
      const deleted = await ReplyTemplateModel.findOneAndDelete({ _id: params.id, ...scopeFilter(viewer) })
      if (!deleted) throw new AppError('NOT_FOUND')
      return { deleted: true as const }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/reply-templates',
    access: caseWorkers,
    summary:
      "The templates for one action on this case, filled for it (case number, unit, limits, the resident's masked form of address)",
    params: byId,
    query: caseTemplatesQuerySchema,
    response: filledReplyTemplateListSchema,
    handler: async (ctx, { params, query, viewer }) => {
      const { record } = await loadReadableCase(viewer, params.id)
      return templatesForCase(ctx.deps, record, query.action)
    },
  }),
]
