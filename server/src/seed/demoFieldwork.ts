import { campaignInputSchema, chinaDate, pairInputSchema, type Role } from '@minqing/shared'
import { CampaignModel } from '../campaigns/campaign.model'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { createPair } from '../pairs/pairs'
import { DutyModel } from '../reception/reception.model'
import { syncVisits } from '../visits/syncVisits'

/**
 * A running half-year 大走访 over the district, two visits and a pair for the grid worker, and
 * today's reception duty for the leader, so the visit pages have something to show.
 */
export async function seedFieldwork(deps: AppDeps, viewers: Record<Role, Viewer>, districtId: string) {
  const now = deps.clock.now()
  const today = chinaDate(now)
  const campaign = await CampaignModel.create({
    ...campaignInputSchema.parse({
      name: `${today.year()}年“大走访”活动`,
      startsOn: today.subtract(30, 'day').format('YYYY-MM-DD'),
      endsOn: today.add(150, 'day').format('YYYY-MM-DD'),
      unitIds: [districtId],
      topics: ['民生实事', '矛盾化解'],
    }),
    createdBy: viewers.admin.userId,
  })
  const visit = (days: number, name: string, notes: string, tags: string[]) => ({
    clientId: `demo-visit-${days}-${tags.length}`,
    campaignId: String(campaign._id),
    visitedAt: today.subtract(days, 'day').hour(10).format('YYYY-MM-DDTHH:mm:ssZ'),
    household: { name, address: `幸福社区${days}号楼`, phone: '13912340000', tags },
    purposes: ['visiting', 'explainingPolicy'],
    notes,
  })
  await syncVisits(deps, viewers.staff, [
    visit(3, '王大爷', '独居老人，身体尚可，讲解了高龄补贴政策。', ['needy', 'veteranPartyMember']),
    visit(1, '陈阿姨', '反映楼道灯不亮，已记录，下次回访确认。', ['migrantWorker']),
  ])
  await createPair(
    viewers.staff,
    pairInputSchema.parse({
      household: { name: '王大爷', address: '幸福社区3号楼', tags: ['needy'] },
      revisitEveryDays: 14,
    }),
    now,
  )
  await DutyModel.create({
    unitId: districtId,
    date: today.format('YYYY-MM-DD'),
    leaderId: viewers.leader.userId,
    place: '区群众来访接待中心',
    assignedBy: viewers.admin.userId,
  })
}
