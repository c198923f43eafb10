import { AppError, objectIdSchema, roles, subscriptionInputSchema } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { CaseModel } from '../cases/case.model'
import { sameTenant } from '../tenants/tenantScope'
import { NotificationModel } from './notification.model'
import { grantAllowances } from './allowances'
import { OutboxModel } from './outbox.model'
import { subscribeTemplates, subscribeTemplateTitles } from './subscribeTemplates'
// Response schemas (issue 12)
import {
  notificationListResponseSchema,
  okResponseSchema,
  outboxListResponseSchema,
  subscribeTemplatesResponseSchema,
  subscriptionResultResponseSchema,
} from '@minqing/shared'

export const notificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/notifications',
    access: roles,
    summary: "The caller's in-app notifications, newest first, with the unread count",
    query: z.object({ unreadOnly: z.enum(['true', 'false']).optional() }),
    response: notificationListResponseSchema,
    handler: async (_ctx, { query, viewer }) => {
      const filter = { userId: viewer.userId, ...(query.unreadOnly === 'true' ? { read: false } : {}) }
      const [items, unread] = await Promise.all([
        NotificationModel.find(filter).sort({ createdAt: -1 }).limit(100),
        NotificationModel.countDocuments({ userId: viewer.userId, read: false }),
      ])
      return {
        unread,
        items: items.map((item) => ({
          id: item.id as string,
          caseId: item.caseId ? String(item.caseId) : null,
          url: item.url ?? null,
          caseNumber: item.caseNumber,
          action: item.action,
          title: item.title,
          body: item.body,
          read: item.read,
          createdAt: (item.createdAt as Date).toISOString(),
        })),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/:id/read',
    access: roles,
    summary: 'Mark one notification read',
    params: z.object({ id: objectIdSchema }),
    response: okResponseSchema,
    handler: async (_ctx, { params, viewer }) => {
      const result = await NotificationModel.updateOne(
        { _id: params.id, userId: viewer.userId },
        { $set: { read: true } },
      )
      if (result.matchedCount === 0) throw new AppError('NOT_FOUND')
      return { ok: true }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/read-all',
    access: roles,
    summary: 'Mark all notifications read',
    response: okResponseSchema,
    handler: async (_ctx, { viewer }) => {
      await NotificationModel.updateMany({ userId: viewer.userId, read: false }, { $set: { read: true } })
      return { ok: true }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/notifications/subscribe-templates',
    access: roles,
    summary: 'The WeChat subscribe-message templates a resident may allow (none when WeChat is not set up)',
    response: subscribeTemplatesResponseSchema,
    handler: async (ctx) => ({
      templates: subscribeTemplates(ctx.deps.config).map((template) => ({
        ...template,
        title: subscribeTemplateTitles[template.kind],
      })),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/notifications/subscriptions',
    access: roles,
    summary:
      "Record a tap's answers to wx.requestSubscribeMessage: each accepted template allows one message",
    body: subscriptionInputSchema,
    response: subscriptionResultResponseSchema,
    handler: async (ctx, { body, viewer }) => {
      const templates = subscribeTemplates(ctx.deps.config)
      const known = new Set(templates.map((template) => template.templateId))
      const unknown = Object.keys(body.results).filter((id) => !known.has(id))
      if (unknown.length)
        throw new AppError('VALIDATION_FAILED', {
          issues: unknown.map((id) => ({
            path: `results.${id}`,
            code: 'unknown_template',
            message: '未知的订阅消息模板 / Unknown subscribe-message template',
          })),
        })
      // A case of another district is not one this account may be told about: 404, as if missing.
      if (body.caseId) {
        const record = await CaseModel.findById(body.caseId, { tenantId: 1 }).lean()
        if (record && !sameTenant(viewer, record)) throw new AppError('NOT_FOUND')
      }
      const { granted, refused } = await grantAllowances({
        userId: viewer.userId,
        clientId: body.clientId,
        caseId: body.caseId ?? null,
        results: body.results,
        templates,
        now: ctx.deps.clock.now(),
      })
      return { granted: granted.map((t) => t.kind), refused: refused.map((t) => t.kind) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/notifications/outbox',
    cityLevel: true,
    access: ['admin'],
    summary: 'Messages to the outside with their delivery state, and why a message was not sent',
    query: z.object({
      caseId: objectIdSchema.optional(),
      userId: objectIdSchema.optional(),
      status: z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']).optional(),
    }),
    response: outboxListResponseSchema,
    handler: async (_ctx, { query }) => {
      const filter = {
        ...(query.caseId ? { 'payload.caseId': query.caseId } : {}),
        ...(query.userId ? { userId: query.userId } : {}),
        ...(query.status ? { status: query.status } : {}),
      }
      const items = await OutboxModel.find(filter).sort({ createdAt: -1, _id: -1 }).limit(200)
      // The recipient's openid is an identifier of a person: it stays on the server.
      return {
        items: items.map((item) => ({
          id: String(item._id),
          channel: item.channel,
          userId: item.userId ? String(item.userId) : null,
          caseId: String((item.payload as { caseId?: string }).caseId ?? ''),
          caseNumber: String((item.payload as { number?: string }).number ?? ''),
          templateId: item.templateId ?? null,
          status: item.status,
          reason: item.lastError ?? null,
          attempts: item.attempts,
          createdAt: (item.get('createdAt') as Date).toISOString(),
          sentAt: item.sentAt ? item.sentAt.toISOString() : null,
        })),
      }
    },
  }),
]
