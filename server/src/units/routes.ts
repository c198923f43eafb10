import {
  createUnitInputSchema,
  managedUnitSchema,
  objectIdSchema,
  openStatuses,
  roles,
  unitOpenCasesSchema,
  updateUnitInputSchema,
} from '@minqing/shared'
import { AppError } from '@minqing/shared'
import { z } from 'zod'
import { recordConfigChange } from '../audit/recordConfigChange'
import { CaseModel } from '../cases/case.model'
import {
  assertSameTenant,
  assertUnitInTenant,
  scopeFilter,
  tenantOf,
  tenantOfUnitId,
} from '../tenants/tenantScope'
import { defineRoute } from '../http/defineRoute'
import { presentOpenCase } from '../users/openWork'
import { UnitModel } from './unit.model'
import { createUnit, presentUnit } from './unitTree'
import { updateUnit } from './updateUnit'

/** What the audit keeps of a unit: its place in the tree, not its polygon. */
const auditedUnit = (unit: ReturnType<typeof presentUnit>) => ({ ...unit, hasArea: undefined })
// Response schemas (issue 12)
import { unitListResponseSchema, unitViewSchema } from '@minqing/shared'

export const unitRoutes = [
  defineRoute({
    method: 'get',
    path: '/units',
    access: roles,
    response: unitListResponseSchema,
    summary:
      'The unit tree (names are public: residents see who handles their case); disabled units only with includeDisabled=true (admins)',
    query: z.object({ includeDisabled: z.enum(['true', 'false']).default('false') }),
    handler: async (_ctx, { query, viewer }) => {
      const all = query.includeDisabled === 'true' && viewer.role === 'admin'
      // Staff and tenant admins see their own tenant's tree; residents and the city level see all.
      const scope = viewer.role === 'resident' ? {} : scopeFilter(viewer)
      const units = await UnitModel.find({ ...(all ? {} : { disabled: { $ne: true } }), ...scope }).sort({
        path: 1,
        name: 1,
        _id: 1,
      })
      return { units: units.map(presentUnit) }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/units',
    access: ['admin'],
    summary: 'Create a unit under a parent',
    body: createUnitInputSchema,
    status: 201,
    response: unitViewSchema,
    handler: async (ctx, { body, viewer }) => {
      // A tenant admin builds inside their tenant: under one of its units, or a root of it.
      await assertUnitInTenant(viewer, body.parentId)
      const unit = presentUnit(await createUnit({ ...body, tenantId: viewer.tenantId ?? body.tenantId }))
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'unit',
        entityId: unit.id,
        action: 'create',
        after: auditedUnit(unit),
      })
      return unit
    },
  }),
  // --- units managed by admins (issue #16, org) ---
  defineRoute({
    method: 'patch',
    path: '/units/:id',
    access: ['admin'],
    summary: 'Rename, move (parentId; no cycles; the subtree follows) or disable / enable a unit',
    params: z.object({ id: objectIdSchema }),
    body: updateUnitInputSchema,
    response: managedUnitSchema,
    handler: async (ctx, { params, body, viewer }) => {
      const current = await UnitModel.findById(params.id, { tenantId: 1 })
      assertSameTenant(viewer, current)
      if (body.parentId) {
        await assertUnitInTenant(viewer, body.parentId)
        // Units copy their tenant from the root: a move across tenants would leave stale copies.
        const parentTenant = await tenantOfUnitId(body.parentId)
        if (parentTenant && parentTenant !== tenantOf(current))
          throw new AppError('TENANT_MISMATCH', {
            issues: [
              {
                path: 'parentId',
                code: 'other_tenant',
                message: '不能移到其他区县 / Not into another district',
              },
            ],
          })
      }
      const { before, after } = await updateUnit(params.id, body)
      const action =
        body.parentId !== undefined
          ? 'move'
          : body.disabled !== undefined
            ? body.disabled
              ? 'disable'
              : 'enable'
            : 'update'
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'unit',
        entityId: params.id,
        action,
        before: auditedUnit(presentUnit(before)),
        after: auditedUnit(presentUnit(after)),
      })
      return presentUnit(after)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/units/:id/open-cases',
    access: ['admin'],
    summary: 'Open cases a unit leads, to hand on before (or after) disabling it',
    params: z.object({ id: objectIdSchema }),
    response: unitOpenCasesSchema,
    handler: async (_ctx, { params, viewer }) => {
      assertSameTenant(viewer, await UnitModel.findById(params.id, { tenantId: 1 }))
      const cases = await CaseModel.find(
        { unitId: params.id, status: { $in: openStatuses } },
        { number: 1, title: 1, status: 1, unitId: 1 },
      )
        .sort({ submittedAt: 1, _id: 1 })
        .limit(1000)
        .lean()
      return { cases: cases.map(presentOpenCase) }
    },
  }),
]
