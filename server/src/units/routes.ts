import { createUnitInputSchema, roles } from '@minqing/shared'
import { defineRoute } from '../http/defineRoute'
import { UnitModel } from './unit.model'
import { createUnit, presentUnit } from './unitTree'
// Response schemas (issue 12)
import { unitListResponseSchema, unitViewSchema } from '@minqing/shared'

export const unitRoutes = [
  defineRoute({
    method: 'get',
    path: '/units',
    access: roles,
    summary: 'The unit tree (names are public: residents see who handles their case)',
    response: unitListResponseSchema,
    handler: async () => ({ units: (await UnitModel.find().sort({ path: 1, name: 1 })).map(presentUnit) }),
  }),
  defineRoute({
    method: 'post',
    path: '/units',
    access: ['admin'],
    summary: 'Create a unit under a parent',
    body: createUnitInputSchema,
    status: 201,
    response: unitViewSchema,
    handler: async (_ctx, { body }) => presentUnit(await createUnit(body)),
  }),
]
