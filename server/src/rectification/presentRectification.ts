import {
  rectificationHeadline,
  rectificationOverdue,
  type RectificationProblem,
  type RectificationStatus,
} from '@minqing/shared'
import { signFileUrl } from '../files/signedUrl'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { UserModel } from '../users/user.model'
import { problemActions } from './policy'
import type { RectificationListDocument, RectificationProblemDocument } from './rectification.model'

export interface PresentContext {
  viewer: Viewer
  chain: string[]
  now: Date
  urlSecret: string
}

/** Names of the leaders and lead units the problems name (ledgers show names, not ids). */
export async function namesFor(problems: RectificationProblemDocument[]) {
  const [users, units] = await Promise.all([
    UserModel.find({ _id: { $in: problems.map((problem) => problem.responsibleLeaderId) } }, { name: 1 }),
    UnitModel.find({ _id: { $in: problems.map((problem) => problem.leadUnitId) } }, { name: 1 }),
  ])
  return {
    leader: new Map(users.map((user) => [String(user._id), user.name])),
    unit: new Map(units.map((unit) => [String(unit._id), unit.name])),
  }
}

export function presentProblem(
  list: RectificationListDocument,
  problem: RectificationProblemDocument,
  names: Awaited<ReturnType<typeof namesFor>>,
  context: PresentContext,
): RectificationProblem {
  const iso = (date: Date | null | undefined) => (date ? date.toISOString() : '')
  return {
    id: String(problem._id),
    listId: String(problem.listId),
    aspectNo: problem.aspectNo,
    itemNo: problem.itemNo,
    no: problem.no,
    description: problem.description,
    responsibleLeaderId: String(problem.responsibleLeaderId),
    responsibleLeaderName: names.leader.get(String(problem.responsibleLeaderId)) ?? '',
    leadUnitId: String(problem.leadUnitId),
    leadUnitName: names.unit.get(String(problem.leadUnitId)) ?? '',
    measures: problem.measures,
    target: problem.target,
    deadline: problem.deadline,
    status: problem.status as RectificationStatus,
    overdue: rectificationOverdue(problem, context.now),
    progress: problem.progress.map((entry) => ({
      note: entry.note ?? '',
      by: String(entry.by),
      at: iso(entry.at),
    })),
    closure: problem.closure
      ? {
          note: problem.closure.note ?? '',
          evidence: problem.closure.evidence.map(String),
          evidenceUrls: problem.closure.evidence.map((id) =>
            signFileUrl(context.urlSecret, String(id), context.now),
          ),
          by: String(problem.closure.by),
          at: iso(problem.closure.at),
        }
      : null,
    approval: problem.approval
      ? {
          approved: problem.approval.approved ?? false,
          reason: problem.approval.reason ?? '',
          by: String(problem.approval.by),
          at: iso(problem.approval.at),
        }
      : null,
    recheck: problem.recheck
      ? {
          dueOn: problem.recheck.dueOn ?? '',
          result: problem.recheck.result ?? null,
          note: problem.recheck.note ?? null,
          at: problem.recheck.at ? problem.recheck.at.toISOString() : null,
        }
      : null,
    allowedActions: problemActions(context.viewer, context.chain, list, problem),
  }
}

/** Counts per aspect and in total, from the problems themselves. */
export function listTotals(
  list: RectificationListDocument,
  problems: RectificationProblemDocument[],
  now: Date,
) {
  const aspects = list.aspects.map((aspect) => {
    const own = problems.filter((problem) => problem.aspectNo === aspect.no)
    return {
      no: aspect.no ?? 0,
      title: aspect.title ?? '',
      items: list.items.filter((item) => item.aspectNo === aspect.no).length,
      problems: own.length,
      closed: own.filter((problem) => problem.status === 'closed').length,
      overdue: own.filter((problem) => rectificationOverdue(problem, now)).length,
    }
  })
  const totals = {
    aspects: list.aspects.length,
    items: list.items.length,
    problems: problems.length,
    closed: problems.filter((problem) => problem.status === 'closed').length,
    overdue: problems.filter((problem) => rectificationOverdue(problem, now)).length,
  }
  return { aspects, totals, headline: rectificationHeadline(totals) }
}

export function presentListSummary(list: RectificationListDocument, headline: string) {
  return {
    id: String(list._id),
    title: list.title,
    source: list.source as 'inspection' | 'supervision' | 'campaignReview',
    ownerId: String(list.ownerId),
    createdAt: list.createdAt.toISOString(),
    headline,
  }
}

export async function presentListDetail(
  list: RectificationListDocument,
  problems: RectificationProblemDocument[],
  context: PresentContext,
) {
  const names = await namesFor(problems)
  const { headline } = listTotals(list, problems, context.now)
  return {
    ...presentListSummary(list, headline),
    aspects: list.aspects.map((aspect) => ({
      no: aspect.no ?? 0,
      title: aspect.title ?? '',
      items: list.items
        .filter((item) => item.aspectNo === aspect.no)
        .map((item) => ({
          no: item.no ?? 0,
          title: item.title ?? '',
          problems: problems
            .filter((problem) => problem.itemNo === item.no)
            .map((problem) => presentProblem(list, problem, names, context)),
        })),
    })),
  }
}
