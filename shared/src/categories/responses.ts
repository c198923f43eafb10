import { z } from 'zod'
import { responseObject } from '../api/responseShapes'

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
})
