import {
  AppError,
  repeatConcernListSchema,
  repeatConcernPatchSchema,
  repeatConcernQuerySchema,
  repeatConcernSchema,
} from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { UserModel } from '../users/user.model'
import { findVisibleRepeatConcern, listRepeatConcerns, presentRepeatConcerns } from './listRepeatConcerns'

export const repeatConcernRoutes = [
  defineRoute({
    method: 'get',
    path: '/repeat-concerns',
    access: ['leader', 'admin'],
    summary: '信访积案 / 未息诉息访: cases raised again after closure by the same household or phone',
    query: repeatConcernQuerySchema,
    response: repeatConcernListSchema,
    handler: async (ctx, { query, viewer }) => ({
      items: await presentRepeatConcerns(await listRepeatConcerns(viewer, query), ctx.deps.clock.now()),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/repeat-concerns/:id',
    access: ['leader', 'admin'],
    summary: 'Name the 包案领导 (a leader) of a repeat concern or move its deadline',
    params: z.object({ id: z.string().max(64) }),
    body: repeatConcernPatchSchema,
    response: repeatConcernSchema,
    handler: async (ctx, { params, body, viewer }) => {
      const flag = await findVisibleRepeatConcern(viewer, params.id)
      if (body.ownerLeaderId) {
        const leader = await UserModel.findById(body.ownerLeaderId, { role: 1 })
        if (!leader || leader.role !== 'leader')
          throw new AppError('VALIDATION_FAILED', {
            issues: [
              { path: 'ownerLeaderId', code: 'not_found', message: '须为领导账号 / Must be a leader' },
            ],
          })
        flag.ownerLeaderId = leader._id
      }
      if (body.deadline) flag.deadline = new Date(body.deadline)
      await flag.save()
      return (await presentRepeatConcerns([flag], ctx.deps.clock.now()))[0]
    },
  }),
]
