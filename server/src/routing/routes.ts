import {
  AppError,
  caseKindSchema,
  locationSchema,
  objectIdSchema,
  routingRuleInputSchema,
  routingRulePatchSchema,
} from '@minqing/shared'
import { z } from 'zod'
import { assertSameTenant, assertUnitInTenant, scopeFilter, tenantOfUnitId } from '../tenants/tenantScope'
import { defineRoute } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { decideRouting } from './decideRouting'
import { presentRule, presentRules } from './presentRule'
import { RoutingRuleModel } from './routingRule.model'
import { recordConfigChange } from '../audit/recordConfigChange'
// Response schemas (issue 12)
import {
  routingDryRunResponseSchema,
  routingRuleViewSchema,
  routingRulesResponseSchema,
} from '@minqing/shared'

const dryRunSchema = z.object({
  kind: caseKindSchema.optional(),
  categoryCode: z.string().min(1).max(64),
  title: z.string().max(200).default(''),
  description: z.string().max(4000).default(''),
  location: locationSchema.optional(),
})

export const routingRoutes = [
  defineRoute({
    method: 'get',
    path: '/routing/rules',
    access: ['admin'],
    summary: 'Routing rules in priority order',
    response: routingRulesResponseSchema,
    handler: async (_ctx, { viewer }) => ({
      rules: await presentRules(
        await RoutingRuleModel.find(scopeFilter(viewer)).sort({ priority: 1, _id: 1 }),
      ),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/routing/rules',
    access: ['admin'],
    summary: 'Add a routing rule',
    body: routingRuleInputSchema,
    status: 201,
    response: routingRuleViewSchema,
    handler: async (ctx, { body, viewer }) => {
      if (!(await UnitModel.exists({ _id: body.unitId }))) {
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: 'unitId', code: 'not_found', message: '单位不存在 / Unit not found' }],
        })
      }
      // A rule belongs to its target unit's tenant; a tenant admin may only target their own.
      await assertUnitInTenant(viewer, body.unitId)
      const created = await RoutingRuleModel.create({ ...body, tenantId: await tenantOfUnitId(body.unitId) })
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'routingRule',
        entityId: String(created._id),
        action: 'create',
        after: created,
      })
      return presentRule(created)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/routing/rules/:id',
    access: ['admin'],
    summary: 'Change a rule: priority, conditions, target unit, or enable/disable it',
    params: z.object({ id: objectIdSchema }),
    body: routingRulePatchSchema,
    response: routingRuleViewSchema,
    handler: async (ctx, { params, body, viewer }) => {
      const current = await RoutingRuleModel.findById(params.id)
      assertSameTenant(viewer, current)
      if (!current) throw new AppError('NOT_FOUND')
      if (body.unitId) await assertUnitInTenant(viewer, body.unitId)
      // The merged rule must still be a valid rule (at least one condition, a known unit).
      const merged = routingRuleInputSchema.parse({
        ...current.toObject(),
        unitId: String(current.unitId),
        ...body,
      })
      if (body.unitId && !(await UnitModel.exists({ _id: body.unitId }))) {
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: 'unitId', code: 'not_found', message: '单位不存在 / Unit not found' }],
        })
      }
      const tenantId = await tenantOfUnitId(merged.unitId)
      const updated = (await RoutingRuleModel.findByIdAndUpdate(
        params.id,
        { $set: { ...merged, tenantId } },
        { new: true },
      ))!
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'routingRule',
        entityId: params.id,
        action: 'update',
        before: current,
        after: updated,
      })
      return presentRule(updated)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/routing/dry-run',
    access: ['admin', 'leader'],
    summary: 'Where would this case go, and by which rule',
    body: dryRunSchema,
    response: routingDryRunResponseSchema,
    handler: async (_ctx, { body, viewer }) => {
      // Within the asker's own district's rules (a city-level admin: the place's district).
      const { tenantId: _tenantId, ...decision } = await decideRouting({ ...body, tenantId: viewer.tenantId })
      const unit = decision.unitId ? await UnitModel.findById(decision.unitId, { name: 1 }) : null
      return { ...decision, unitName: unit?.name ?? null }
    },
  }),
]
