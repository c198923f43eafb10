import {
  categoryResponseSchema,
  categoryTreeResponseSchema,
  categoryVisibilityResponseSchema,
  managedCategoriesResponseSchema,
} from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { tenantIdByCode } from '../tenants/tenantByCode'
import { categoryTree } from './categoryTree'
import { createCategory } from './createCategory'
import { managedCategories } from './managedCategories'
import { setCategoryHidden } from './setCategoryHidden'
import { updateCategory } from './updateCategory'

const code = z
  .string()
  .regex(/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/, {
    message: '编码只能含小写字母、数字、下划线，层级用点分隔 / Use a-z, 0-9, _ and dots',
  })
  .max(64)
const tenantCode = z.string().regex(/^[a-z0-9-]{1,40}$/, { message: '区县代码无效 / Invalid district code' })

export const categoryRoutes = [
  defineRoute({
    method: 'get',
    path: '/categories',
    access: 'public',
    summary:
      'The category tree a district offers (`?tenant=hedong`; else the viewer’s district, else the default): the city tree less what it hides, plus its own',
    query: z.object({ tenant: tenantCode.optional() }),
    response: categoryTreeResponseSchema,
    handler: async (_ctx, { query, viewer }) => ({
      categories: await categoryTree((await tenantIdByCode(query.tenant)) ?? viewer?.tenantId),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/categories/managed',
    access: ['admin'],
    summary: 'The categories this admin manages (retired ones too), with city/district scope and abilities',
    response: managedCategoriesResponseSchema,
    handler: async (_ctx, { viewer }) => ({ items: await managedCategories(viewer) }),
  }),
  defineRoute({
    method: 'post',
    path: '/categories',
    access: ['admin'],
    summary:
      "Add a category: a city admin to the city tree (a child's code is its parent's code, a dot, its own part); a district admin their district's own (the server makes the code)",
    body: z.object({
      code,
      name: z.string().trim().min(1).max(50),
      parentCode: code.nullable().default(null),
      order: z.number().int().default(0),
    }),
    status: 201,
    response: categoryResponseSchema,
    handler: (ctx, { body, viewer }) => createCategory(ctx.deps, viewer, body),
  }),
  defineRoute({
    method: 'patch',
    path: '/categories/:code',
    access: ['admin'],
    summary:
      "Rename, reorder or retire a category (codes never change: rules and statistics refer to them); a district admin only their district's own",
    params: z.object({ code }),
    body: z.object({
      name: z.string().trim().min(1).max(50).optional(),
      order: z.number().int().optional(),
      enabled: z.boolean().optional(),
    }),
    response: categoryResponseSchema,
    handler: (ctx, { params, body, viewer }) => updateCategory(ctx.deps, viewer, params.code, body),
  }),
  defineRoute({
    method: 'put',
    path: '/categories/:code/visibility',
    access: ['admin'],
    summary:
      'Hide a city category for one district, or show it again (a district admin: their own; a city admin names `tenant`)',
    params: z.object({ code }),
    body: z.object({ hidden: z.boolean(), tenant: tenantCode.optional() }),
    response: categoryVisibilityResponseSchema,
    handler: (ctx, { params, body, viewer }) => setCategoryHidden(ctx.deps, viewer, params.code, body),
  }),
]
