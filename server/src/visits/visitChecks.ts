import { householdVisible } from '../households/householdScope'
import { visitDateProblem, type VisitInput } from '@minqing/shared'
import { categoryExists } from '../categories/categoryTree'
import { findCampaign, unitTakesPart } from '../campaigns/participation'
import type { CampaignDocument } from '../campaigns/campaign.model'
import { ownedFilesExist } from '../files/gridfs'
import type { Viewer } from '../http/defineRoute'

export interface ItemError {
  code: string
  message: string
  issues?: unknown
}

const dateMessages = {
  future: '走访时间不能晚于现在 / A visit cannot be in the future',
  beforeCampaign: '走访时间早于活动开始 / Before the campaign started',
  afterCampaign: '走访时间晚于活动结束 / After the campaign ended',
} as const

/** Campaign lookups for one batch: most items of a batch name the same campaign. */
export function campaignCache() {
  const cache = new Map<string, Promise<CampaignDocument | null>>()
  return (id: string) => {
    if (!cache.has(id))
      cache.set(
        id,
        findCampaign(id).catch(() => null),
      )
    return cache.get(id)!
  }
}

/**
 * Everything a visit must satisfy beyond its schema, checked before anything is written:
 * the date (not in the future, inside the campaign), the campaign (exists, and the member's unit
 * takes part — nobody writes visits into another unit's campaign), the problems' categories,
 * and the photos (uploaded by this member before the visit is sent).
 */
export async function visitProblem(
  input: VisitInput,
  viewer: Viewer,
  now: Date,
  campaignOf: ReturnType<typeof campaignCache>,
): Promise<ItemError | null> {
  const campaign = input.campaignId ? await campaignOf(input.campaignId) : undefined
  if (campaign === null) return { code: 'NOT_FOUND', message: '走访活动不存在 / No such campaign' }
  if (campaign && !(await unitTakesPart(campaign, viewer.unitId))) {
    return {
      code: 'FORBIDDEN',
      message: '您的单位未参加该走访活动 / Your unit does not take part in this campaign',
    }
  }
  if (input.householdId && !(await householdVisible(viewer, input.householdId)))
    return { code: 'NOT_FOUND', message: '民情档案中没有该户 / No such household' }
  const dateProblem = visitDateProblem(new Date(input.visitedAt), now, campaign ?? undefined)
  if (dateProblem) return { code: 'INVALID_DATE', message: dateMessages[dateProblem] }
  for (const [index, problem] of input.problems.entries()) {
    if (!(await categoryExists(problem.categoryCode, viewer.tenantId ?? null))) {
      return {
        code: 'VALIDATION_FAILED',
        message: '问题分类不存在 / Unknown category',
        issues: [
          {
            path: `problems.${index}.categoryCode`,
            code: 'not_found',
            message: '分类不存在 / Unknown category',
          },
        ],
      }
    }
  }
  if (input.photos.length && !(await ownedFilesExist(input.photos, viewer.userId))) {
    return {
      code: 'VALIDATION_FAILED',
      message: '照片尚未上传完成 / Upload the photos first',
      issues: [{ path: 'photos', code: 'not_found', message: '照片不存在 / Photo not found' }],
    }
  }
  return null
}
