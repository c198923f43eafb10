import { z } from 'zod'

/** Administrative levels, top to bottom; a unit's parent is always one of the levels above it. */
export const unitLevels = ['city', 'district', 'street', 'community', 'grid', 'department'] as const
export const unitLevelSchema = z.enum(unitLevels)
export type UnitLevel = z.infer<typeof unitLevelSchema>

export const unitLevelLabels: Record<UnitLevel, string> = {
  city: '市',
  district: '区县',
  street: '街道/乡镇',
  community: '社区/村',
  grid: '网格',
  department: '职能部门',
}

export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, { message: '编号无效 / Invalid id' })

export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: unitLevelSchema,
  parentId: z.string().nullable(),
  /** Ids from the root down to the parent: the subtree of X is every unit whose path contains X. */
  path: z.array(z.string()),
})
export type Unit = z.infer<typeof unitSchema>

export const createUnitInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  level: unitLevelSchema,
  parentId: objectIdSchema.nullable().default(null),
})
export type CreateUnitInput = z.infer<typeof createUnitInputSchema>
