import { z } from 'zod'
import { responseObject } from '../api/responseShapes'
import { unitLevelSchema } from './schemas'

/** A unit as `presentUnit` shows it (server/src/units/unitTree.ts). */
export const unitViewSchema = responseObject({
  id: z.string(),
  name: z.string(),
  level: unitLevelSchema,
  parentId: z.string().nullable(),
  path: z.array(z.string()),
  hasArea: z.boolean(),
  /** Disabled units are left out of routing and pickers (issue 16). */
  disabled: z.boolean(),
  /** The unit's tenant (district); see server/src/tenants/. */
  tenantId: z.string(),
})
export const unitListResponseSchema = responseObject({ units: z.array(unitViewSchema) })
