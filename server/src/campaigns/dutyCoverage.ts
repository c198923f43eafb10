import { caseSettings } from '../settings/currentSettings'
import { chinaDate, dutyGaps, type HolidayCalendar } from '@minqing/shared'
import type { AppDeps } from '../http/deps'
import { claimOnce } from '../db/claims'
import { NotificationModel } from '../notifications/notification.model'
import { DutyModel } from '../reception/reception.model'
import { UnitModel } from '../units/unit.model'
import { CampaignModel, type CampaignDocument } from './campaign.model'

/**
 * 开门接访 coverage: for each listed unit of the campaign, the working days of its period with
 * no duty leader on the roster (`gaps`), and those from today on (`upcoming`) that still can be
 * filled.
 */
export async function dutyCoverage(campaign: CampaignDocument, calendar: HolidayCalendar, now: Date) {
  const today = chinaDate(now).format('YYYY-MM-DD')
  const units = await UnitModel.find({ _id: { $in: campaign.unitIds } }, { name: 1 }).sort({
    name: 1,
    _id: 1,
  })
  return Promise.all(
    units.map(async (unit) => {
      const entries = await DutyModel.find(
        { unitId: unit._id, date: { $gte: campaign.startsOn, $lte: campaign.endsOn } },
        { date: 1 },
      )
      const gaps = dutyGaps(campaign, calendar, new Set(entries.map((entry) => entry.date)))
      return { unitId: String(unit._id), name: unit.name, gaps, upcoming: gaps.filter((day) => day >= today) }
    }),
  )
}

/**
 * Warns the campaign office (the campaign's creator) of roster gaps in the next 7 days: one
 * notification per unit listing the uncovered days, each day warned once (claimOnce), so an
 * hourly job does not repeat itself and several instances do not double it.
 */
export async function warnDutyGaps(deps: AppDeps): Promise<number> {
  const now = deps.clock.now()
  const today = chinaDate(now).format('YYYY-MM-DD')
  const horizon = chinaDate(now).add(7, 'day').format('YYYY-MM-DD')
  const campaigns = await CampaignModel.find({ endsOn: { $gte: today } }).limit(200)
  let sent = 0
  for (const campaign of campaigns.filter((item) => item.startsOn <= horizon)) {
    for (const unit of await dutyCoverage(campaign, caseSettings(deps, campaign).calendar, now)) {
      const soon = unit.upcoming.filter((day) => day <= horizon)
      const fresh: string[] = []
      for (const day of soon) {
        if (await claimOnce(`dutyGap|${String(campaign._id)}|${unit.unitId}|${day}`, now)) fresh.push(day)
      }
      if (!fresh.length) continue
      await NotificationModel.create({
        userId: campaign.createdBy,
        action: 'dutyGap',
        title: `开门接访排班缺口：${unit.name}`,
        body: `${campaign.name}：${fresh.join('、')} 尚无值班领导，请安排。`,
        url: '/pages/visits/duty/index',
      })
      sent++
    }
  }
  return sent
}
