import {
  AppError,
  createUserInputSchema,
  managedUserSchema,
  objectIdSchema,
  openWorkSchema,
  reassignInputSchema,
  reassignResultSchema,
  roleSchema,
  roles,
  updateUserInputSchema,
} from '@minqing/shared'
import type { FilterQuery } from 'mongoose'
import { z } from 'zod'
import { assertUnitInTenant, assertUserInTenant, withUserScope } from '../tenants/tenantScope'
import { defineRoute } from '../http/defineRoute'
import { subtreeUnitIds } from '../units/unitTree'
import { UnitModel } from '../units/unit.model'
import { createUser } from './createUser'
import { canSeeFullPhone, canViewUser } from './policy'
import { presentUser } from './presentUser'
import { resetPassword } from './resetPassword'
import { UserModel, type UserRecord } from './user.model'
import { presentManagedUser } from './presentManagedUser'
import { updateUser } from './updateUser'
import { openWork } from './openWork'
import { reassignWork } from './reassignWork'
import { recordConfigChange } from '../audit/recordConfigChange'
import { auditedUser } from './auditedUser'
// Response schemas (issue 12)
import { passwordResetResponseSchema, userListResponseSchema, userViewSchema } from '@minqing/shared'

const listQuerySchema = z.object({
  role: roleSchema.optional(),
  unitId: objectIdSchema.optional(),
  /** Part of a name or a phone number (console search). */
  q: z.string().trim().max(50).optional(),
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
      if (query.q) {
        const pattern = new RegExp(query.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        filter.$and = [{ $or: [{ name: pattern }, { phone: pattern }] }]
      }
      if (viewer.role === 'leader') {
        const allowed = viewer.unitId ? await subtreeUnitIds(viewer.unitId) : []
        const allowedIds = allowed.map(String)
        if (query.unitId && !allowedIds.includes(query.unitId)) throw new AppError('FORBIDDEN')
        filter.unitId = query.unitId ?? { $in: allowed }
      } else if (query.unitId) {
        filter.unitId = query.unitId
      }
      const scoped = withUserScope(viewer, filter)
      const [items, total] = await Promise.all([
        UserModel.find(scoped)
          .sort({ _id: 1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize),
        UserModel.countDocuments(scoped),
      ])
      // Admins manage accounts: they also see which are disabled.
      const present = viewer.role === 'admin' ? presentManagedUser : presentUser
      return { items: items.map((user) => present(user, { fullPhone: false })), total, page: query.page }
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
      assertUserInTenant(viewer, user)
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
    handler: async (_ctx, { body, viewer }) => {
      // A tenant admin creates accounts in their own tenant only, never a city-level admin.
      await assertUnitInTenant(viewer, body.unitId)
      const tenantId = viewer.tenantId ?? body.tenantId
      return presentUser(await createUser({ ...body, tenantId }), { fullPhone: true })
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users/:id/password-reset',
    access: ['admin'],
    summary: "Reset a user's password to a one-time temporary one; they must choose a new one to log in",
    params: z.object({ id: objectIdSchema }),
    response: passwordResetResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      assertUserInTenant(viewer, await UserModel.findById(params.id, { role: 1, tenantId: 1 }))
      return resetPassword(ctx.deps, viewer, params.id)
    },
  }),
  // --- people managed by admins (issue #16, org) ---
  defineRoute({
    method: 'patch',
    path: '/users/:id',
    access: ['admin'],
    summary:
      'Edit an account (name, role, unit, phone, position, disabled); not yourself out of admin, not the last admin',
    params: z.object({ id: objectIdSchema }),
    body: updateUserInputSchema,
    response: managedUserSchema,
    handler: async (ctx, { params, body, viewer }) => {
      assertUserInTenant(viewer, await UserModel.findById(params.id, { role: 1, tenantId: 1 }))
      if (body.unitId) await assertUnitInTenant(viewer, body.unitId)
      const { before, after } = await updateUser(ctx.deps, viewer, params.id, body)
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'user',
        entityId: params.id,
        action: 'update',
        before: auditedUser(before),
        after: auditedUser(after),
      })
      return presentManagedUser(after, { fullPhone: true })
    },
  }),
  defineRoute({
    method: 'get',
    path: '/users/:id/open-work',
    access: ['admin'],
    summary: 'What a person still holds: open cases they own (包案), duty days to come, live 结对 pairs',
    params: z.object({ id: objectIdSchema }),
    response: openWorkSchema,
    handler: async (ctx, { params, viewer }) => {
      assertUserInTenant(viewer, await UserModel.findById(params.id, { role: 1, tenantId: 1 }))
      return openWork(params.id, ctx.deps.clock.now())
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users/:id/open-work/reassign',
    access: ['admin'],
    summary: 'Hand one open item (case ownership, duty day, pair) of this person to another',
    params: z.object({ id: objectIdSchema }),
    body: reassignInputSchema,
    response: reassignResultSchema,
    handler: async (ctx, { params, body, viewer }) => {
      assertUserInTenant(viewer, await UserModel.findById(params.id, { role: 1, tenantId: 1 }))
      assertUserInTenant(viewer, await UserModel.findById(body.toUserId, { role: 1, tenantId: 1 }))
      await reassignWork(ctx.deps, viewer, params.id, body)
      return { kind: body.kind, id: body.id, toUserId: body.toUserId }
    },
  }),
]
