import { z } from 'zod'
import { itemsOf, responseObject } from '../api/responseShapes'

export interface CategoryNode {
  code: string
  name: string
  children: CategoryNode[]
}

/** A node of the category tree; recursive, so declared once and referenced in OpenAPI. */
export const categoryNodeSchema: z.ZodType<CategoryNode> = responseObject({
  code: z.string(),
  name: z.string(),
  get children() {
    return z.array(categoryNodeSchema)
  },
}).meta({ id: 'CategoryNode' })
export const categoryTreeResponseSchema = responseObject({ categories: z.array(categoryNodeSchema) })

/** A category after it was added or changed. */
export const categoryResponseSchema = responseObject({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  enabled: z.boolean(),
  /** city, or a district's own (issue #16, tenants) */
  scope: z.enum(['city', 'tenant']),
})

// --- categories per district (issue #16, tenants) ---

/** Where a category comes from: the city tree shared by every district, or one district's own. */
export const categoryScopeSchema = z.enum(['city', 'tenant'])

/**
 * A category as the console manages it, with what this admin may do to it (decided by the
 * server, shown by the console): a district admin edits their own and hides city ones.
 */
export const managedCategorySchema = responseObject({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  order: z.number(),
  enabled: z.boolean(),
  scope: categoryScopeSchema,
  /** The owning district's code; null for a city category. */
  tenantCode: z.string().nullable(),
  /** Hidden by the viewer's district (city categories only; always false at city level). */
  hidden: z.boolean(),
  canEdit: z.boolean(),
  canHide: z.boolean(),
})
export const managedCategoriesResponseSchema = itemsOf(managedCategorySchema)

/** A city category hidden or shown again for one district. */
export const categoryVisibilityResponseSchema = responseObject({
  code: z.string(),
  tenantCode: z.string(),
  hidden: z.boolean(),
})
