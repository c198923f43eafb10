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
  hasArea: z.boolean(),
  /** Disabled units keep their history; pickers and routing no longer offer them. */
  disabled: z.boolean(),
  /** The unit's tenant (district); see server/src/tenants/. */
  tenantId: z.string().optional(),
})
export type Unit = z.infer<typeof unitSchema>

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
const ring = z
  .array(position)
  .min(4, { message: '多边形至少4个点（首尾相同）/ A ring needs 4+ positions' })
  .max(10_000)

/** A unit's area (GeoJSON Polygon, [lng, lat]); routing finds the units whose area holds a case. */
export const areaSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(ring).min(1).max(50),
})
export type Area = z.infer<typeof areaSchema>

export const createUnitInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  level: unitLevelSchema,
  parentId: objectIdSchema.nullable().default(null),
  area: areaSchema.optional(),
  /** A top-level unit's tenant, chosen by a city-level admin; below a parent the parent's. */
  tenantId: objectIdSchema.optional(),
})
export type CreateUnitInput = z.infer<typeof createUnitInputSchema>
