import { AppError, createUserInputSchema, objectIdSchema, roleSchema, roles } from '@minqing/shared'
import type { FilterQuery } from 'mongoose'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { subtreeUnitIds } from '../units/unitTree'
import { UnitModel } from '../units/unit.model'
import { createUser } from './createUser'
import { canSeeFullPhone, canViewUser } from './policy'
import { presentUser } from './presentUser'
import { resetPassword } from './resetPassword'
import { UserModel, type UserRecord } from './user.model'
// Response schemas (issue 12)
import { passwordResetResponseSchema, userListResponseSchema, userViewSchema } from '@minqing/shared'

const listQuerySchema = z.object({
  role: roleSchema.optional(),
  unitId: objectIdSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/me',
    access: roles,
    summary: 'The current user',
    response: userViewSchema,
    handler: async (_ctx, { viewer }) => {
      const user = await UserModel.findById(viewer.userId)
      if (!user) throw new AppError('UNAUTHENTICATED')
      return presentUser(user, { fullPhone: true })
    },
  }),
  defineRoute({
    method: 'get',
    path: '/users',
    access: ['admin', 'leader'],
    summary: "Users (admins: everyone; leaders: their unit's subtree); phones masked",
    query: listQuerySchema,
    response: userListResponseSchema,
    handler: async (_ctx, { query, viewer }) => {
      const filter: FilterQuery<UserRecord> = {}
      if (query.role) filter.role = query.role
      if (viewer.role === 'leader') {
        const allowed = viewer.unitId ? await subtreeUnitIds(viewer.unitId) : []
        const allowedIds = allowed.map(String)
        if (query.unitId && !allowedIds.includes(query.unitId)) throw new AppError('FORBIDDEN')
        filter.unitId = query.unitId ?? { $in: allowed }
      } else if (query.unitId) {
        filter.unitId = query.unitId
      }
      const [items, total] = await Promise.all([
        UserModel.find(filter)
          .sort({ _id: 1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize),
        UserModel.countDocuments(filter),
      ])
      return { items: items.map((user) => presentUser(user, { fullPhone: false })), total, page: query.page }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/users/:id',
    access: ['admin', 'leader'],
    summary: 'One user; the full phone only for roles that may contact them',
    params: z.object({ id: objectIdSchema }),
    response: userViewSchema,
    handler: async (_ctx, { params, viewer }) => {
      const user = await UserModel.findById(params.id)
      if (!user) throw new AppError('NOT_FOUND')
      const unit = user.unitId ? await UnitModel.findById(user.unitId) : null
      if (!canViewUser(viewer, user, unit)) throw new AppError('FORBIDDEN')
      return presentUser(user, { fullPhone: canSeeFullPhone(viewer, user) })
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users',
    access: ['admin'],
    summary: 'Create an account with a phone login',
    body: createUserInputSchema,
    status: 201,
    response: userViewSchema,
    handler: async (_ctx, { body }) => presentUser(await createUser(body), { fullPhone: true }),
  }),
  defineRoute({
    method: 'post',
    path: '/users/:id/password-reset',
    access: ['admin'],
    summary: "Reset a user's password to a one-time temporary one; they must choose a new one to log in",
    params: z.object({ id: objectIdSchema }),
    response: passwordResetResponseSchema,
    handler: (ctx, { params, viewer }) => resetPassword(ctx.deps, viewer, params.id),
  }),
]
