import { AppError } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { CategoryModel } from './category.model'
import { categoryTree } from './categoryTree'
import { recordConfigChange } from '../audit/recordConfigChange'
// Response schemas (issue 12)
import { categoryResponseSchema, categoryTreeResponseSchema } from '@minqing/shared'

const code = z
  .string()
  .regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/, {
    message: '编码只能含小写字母、数字、下划线，层级用点分隔 / Use a-z, 0-9, _ and dots',
  })
  .max(64)

export const categoryRoutes = [
  defineRoute({
    method: 'get',
    path: '/categories',
    access: 'public',
    summary: 'The category tree; every node has a stable code',
    response: categoryTreeResponseSchema,
    handler: async () => ({ categories: await categoryTree() }),
  }),
  defineRoute({
    method: 'post',
    path: '/categories',
    cityLevel: true,
    access: ['admin'],
    summary: "Add a category; a child's code is its parent's code, a dot, and its own part",
    body: z.object({
      code,
      name: z.string().trim().min(1).max(50),
      parentCode: code.nullable().default(null),
      order: z.number().int().default(0),
    }),
    status: 201,
    response: categoryResponseSchema,
    handler: async (ctx, { body, viewer }) => {
      if (body.parentCode) {
        if (!(await CategoryModel.exists({ code: body.parentCode }))) {
          throw new AppError('VALIDATION_FAILED', {
            issues: [{ path: 'parentCode', code: 'not_found', message: '上级分类不存在 / Parent not found' }],
          })
        }
        if (!body.code.startsWith(`${body.parentCode}.`)) {
          throw new AppError('VALIDATION_FAILED', {
            issues: [
              {
                path: 'code',
                code: 'prefix',
                message: `编码须以「${body.parentCode}.」开头 / Code must start with "${body.parentCode}."`,
              },
            ],
          })
        }
      }
      const created = await CategoryModel.create(body)
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'category',
        entityId: created.code,
        action: 'create',
        after: created,
      })
      return {
        code: created.code,
        name: created.name,
        parentCode: created.parentCode,
        enabled: created.enabled,
      }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/categories/:code',
    cityLevel: true,
    access: ['admin'],
    summary: 'Rename, reorder or retire a category (codes never change: rules and statistics refer to them)',
    params: z.object({ code }),
    body: z.object({
      name: z.string().trim().min(1).max(50).optional(),
      order: z.number().int().optional(),
      enabled: z.boolean().optional(),
    }),
    response: categoryResponseSchema,
    handler: async (ctx, { params, body, viewer }) => {
      const before = await CategoryModel.findOne({ code: params.code }).lean()
      const updated = await CategoryModel.findOneAndUpdate(
        { code: params.code },
        { $set: body },
        { new: true },
      )
      if (!updated) throw new AppError('NOT_FOUND')
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'category',
        entityId: params.code,
        action: 'update',
        before,
        after: updated,
      })
      return {
        code: updated.code,
        name: updated.name,
        parentCode: updated.parentCode,
        enabled: updated.enabled,
      }
    },
  }),
]
