import { AppError, campaignInputSchema, campaignPatchSchema, chinaDate } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { CampaignModel } from './campaign.model'
import { campaignProgress } from './campaignProgress'
import { findCampaign, unitTakesPart } from './participation'
import { presentCampaign } from './presentCampaign'
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
    handler: async (_ctx, { body, viewer }) => {
      await assertUnitsExist(body.unitIds)
      return presentCampaign(await CampaignModel.create({ ...body, createdBy: viewer.userId }))
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
    handler: async (_ctx, { params, body }) => {
      const campaign = await findCampaign(params.id)
      if (body.unitIds) await assertUnitsExist(body.unitIds)
      campaign.set(body)
      if (campaign.startsOn > campaign.endsOn) {
        throw new AppError('VALIDATION_FAILED', {
          issues: [
            { path: 'endsOn', code: 'invalid', message: '结束日期不能早于开始日期 / Ends before it starts' },
          ],
        })
      }
      return presentCampaign(await campaign.save())
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
      const filter = query.active === 'true' ? { endsOn: { $gte: today } } : {}
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
      const campaign = await findCampaign(params.id)
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
      const campaign = await findCampaign(params.id)
      if (viewer.role !== 'admin' && !(await unitTakesPart(campaign, viewer.unitId)))
        throw new AppError('NOT_FOUND')
      return campaignProgress(campaign, viewer, ctx.deps.clock.now())
    },
  }),
]
