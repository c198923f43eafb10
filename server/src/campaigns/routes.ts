import { caseSettings } from '../settings/currentSettings'
import {
  AppError,
  campaignActivityInputSchema,
  campaignActivitySchema,
  campaignInputSchema,
  campaignPatchSchema,
  campaignReportSchema,
  chinaDate,
  dutyCoverageSchema,
} from '@minqing/shared'
import { z } from 'zod'
import { assertUnitInTenant, scopeFilter, tenantOfUnitId, writeTenant } from '../tenants/tenantScope'
import { defineRoute } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { CampaignModel } from './campaign.model'
import { campaignProgress } from './campaignProgress'
import { findCampaign, unitTakesPart } from './participation'
import { presentCampaign } from './presentCampaign'
import { CampaignActivityModel } from './activity.model'
import { campaignReport } from './campaignReport'
import { dutyCoverage } from './dutyCoverage'
import { presentActivity, recordActivity } from './recordActivity'
import { recordConfigChange } from '../audit/recordConfigChange'
// Response schemas (issue 12)
import {
  campaignListResponseSchema,
  campaignProgressResponseSchema,
  campaignViewSchema,
} from '@minqing/shared'

const idParams = z.object({ id: z.string().max(64) })

async function assertUnitsExist(unitIds: readonly string[]): Promise<void> {
  const found = await UnitModel.countDocuments({ _id: { $in: unitIds } })
  if (found !== new Set(unitIds).size) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ path: 'unitIds', code: 'not_found', message: '参与单位不存在 / Unknown unit' }],
    })
  }
}

export const campaignRoutes = [
  defineRoute({
    method: 'post',
    path: '/campaigns',
    access: ['admin'],
    summary: 'Create a visit campaign: period, participating units, quotas per position level, topics',
    body: campaignInputSchema,
    status: 201,
    response: campaignViewSchema,
    handler: async (ctx, { body, viewer }) => {
      await assertUnitsExist(body.unitIds)
      for (const unitId of body.unitIds) await assertUnitInTenant(viewer, unitId)
      const tenantId = writeTenant(viewer, await tenantOfUnitId(body.unitIds[0]))
      const created = await CampaignModel.create({ ...body, createdBy: viewer.userId, tenantId })
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'campaign',
        entityId: String(created._id),
        action: 'create',
        after: created,
      })
      return presentCampaign(created)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/campaigns/:id',
    access: ['admin'],
    summary: 'Change a campaign (period, units, quotas, topics)',
    params: idParams,
    body: campaignPatchSchema,
    response: campaignViewSchema,
    handler: async (ctx, { params, body, viewer }) => {
      const campaign = await findCampaign(params.id, viewer)
      const before = campaign.toObject()
      if (body.unitIds) await assertUnitsExist(body.unitIds)
      for (const unitId of body.unitIds ?? []) await assertUnitInTenant(viewer, unitId)
      campaign.set(body)
      if (campaign.startsOn > campaign.endsOn) {
        throw new AppError('VALIDATION_FAILED', {
          issues: [
            { path: 'endsOn', code: 'invalid', message: '结束日期不能早于开始日期 / Ends before it starts' },
          ],
        })
      }
      const saved = await campaign.save()
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'campaign',
        entityId: params.id,
        action: 'update',
        before,
        after: saved,
      })
      return presentCampaign(saved)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/campaigns',
    access: ['staff', 'leader', 'admin'],
    summary: 'Campaigns: all for admins, the ones your unit takes part in for staff and leaders',
    query: z.object({ active: z.enum(['true', 'false']).optional() }),
    response: campaignListResponseSchema,
    handler: async (ctx, { query, viewer }) => {
      const today = chinaDate(ctx.deps.clock.now()).format('YYYY-MM-DD')
      const filter = {
        ...(query.active === 'true' ? { endsOn: { $gte: today } } : {}),
        ...scopeFilter(viewer),
      }
      const campaigns = await CampaignModel.find(filter).sort({ endsOn: -1 }).limit(200)
      const visible =
        viewer.role === 'admin'
          ? campaigns
          : (
              await Promise.all(
                campaigns.map(async (campaign) =>
                  (await unitTakesPart(campaign, viewer.unitId)) ? campaign : null,
                ),
              )
            ).filter((campaign) => campaign !== null)
      return { items: visible.map(presentCampaign) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/campaigns/:id',
    access: ['staff', 'leader', 'admin'],
    summary: 'One campaign',
    params: idParams,
    response: campaignViewSchema,
    handler: async (_ctx, { params, viewer }) => {
      const campaign = await findCampaign(params.id, viewer)
      if (viewer.role !== 'admin' && !(await unitTakesPart(campaign, viewer.unitId)))
        throw new AppError('NOT_FOUND')
      return presentCampaign(campaign)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/campaigns/:id/progress',
    access: ['staff', 'leader', 'admin'],
    summary:
      'Per staff member: visited households, research days, problems resolved, the quota for each, behind or not',
    params: idParams,
    response: campaignProgressResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      const campaign = await findCampaign(params.id, viewer)
      if (viewer.role !== 'admin' && !(await unitTakesPart(campaign, viewer.unitId)))
        throw new AppError('NOT_FOUND')
      return campaignProgress(campaign, viewer, ctx.deps.clock.now())
    },
  }),
  // Campaigns as seed 004 measures them (issue 16): activities, the report, duty coverage
  defineRoute({
    method: 'post',
    path: '/campaigns/:id/activities',
    access: ['staff', 'leader', 'admin'],
    summary:
      'Record a 宣讲 / 座谈会 / 线上交流 / 办实事好事 for a participating unit (idempotent by clientId)',
    params: idParams,
    body: campaignActivityInputSchema,
    response: campaignActivitySchema,
    status: 201,
    handler: async (ctx, { params, body, viewer }) => {
      const campaign = await findCampaign(params.id, viewer)
      if (viewer.role !== 'admin' && !(await unitTakesPart(campaign, viewer.unitId)))
        throw new AppError('NOT_FOUND')
      const { activity, created } = await recordActivity(campaign, viewer, body)
      // A retried save answers 200 with the first record (as receptions do).
      ctx.status = created ? 201 : 200
      ctx.body = presentActivity(activity)
      return undefined
    },
  }),
  defineRoute({
    method: 'get',
    path: '/campaigns/:id/activities',
    access: ['staff', 'leader', 'admin'],
    summary: "A campaign's activities, by date",
    params: idParams,
    response: z.object({ activities: z.array(campaignActivitySchema) }),
    handler: async (_ctx, { params, viewer }) => {
      const campaign = await findCampaign(params.id, viewer)
      if (viewer.role !== 'admin' && !(await unitTakesPart(campaign, viewer.unitId)))
        throw new AppError('NOT_FOUND')
      const activities = await CampaignActivityModel.find({ campaignId: campaign._id })
        .sort({ heldOn: 1, _id: 1 })
        .limit(2000)
      return { activities: activities.map(presentActivity) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/campaigns/:id/report',
    access: ['leader', 'admin'],
    summary: '出动人次, 走访户数, 座谈会, 宣讲, 收集意见建议, 解决问题, 办实事好事 per unit and in total',
    params: idParams,
    response: campaignReportSchema,
    handler: async (_ctx, { params, viewer }) => {
      const campaign = await findCampaign(params.id, viewer)
      if (viewer.role !== 'admin' && !(await unitTakesPart(campaign, viewer.unitId)))
        throw new AppError('NOT_FOUND')
      return campaignReport(campaign)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/campaigns/:id/duty-gaps',
    access: ['leader', 'admin'],
    summary: 'Working days of the campaign without a 开门接访 duty leader, per listed unit',
    params: idParams,
    response: dutyCoverageSchema,
    handler: async (ctx, { params, viewer }) => {
      const campaign = await findCampaign(params.id, viewer)
      if (viewer.role !== 'admin' && !(await unitTakesPart(campaign, viewer.unitId)))
        throw new AppError('NOT_FOUND')
      return {
        units: await dutyCoverage(campaign, caseSettings(ctx.deps, campaign).calendar, ctx.deps.clock.now()),
      }
    },
  }),
]
