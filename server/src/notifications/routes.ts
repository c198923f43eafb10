import { AppError, objectIdSchema, roles } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { NotificationModel } from './notification.model'

export const notificationRoutes = [
  defineRoute({
    method: 'get',
    path: '/notifications',
    access: roles,
    summary: "The caller's in-app notifications, newest first, with the unread count",
    query: z.object({ unreadOnly: z.enum(['true', 'false']).optional() }),
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
    handler: async (_ctx, { viewer }) => {
      await NotificationModel.updateMany({ userId: viewer.userId, read: false }, { $set: { read: true } })
      return { ok: true }
    },
  }),
]
