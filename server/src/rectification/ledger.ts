import {
  chineseNumber,
  recheckResultLabels,
  rectificationOverdue,
  rectificationStatusLabels,
  type RectificationStatus,
} from '@minqing/shared'
import type { LedgerColumn } from '../exports/ledgerRows'
import { namesFor } from './presentRectification'
import type { RectificationListDocument, RectificationProblemDocument } from './rectification.model'

export const rectificationLedgerColumns: LedgerColumn[] = [
  { header: '序号', key: 'no', width: 6 },
  { header: '方面', key: 'aspect', width: 20 },
  { header: '项', key: 'item', width: 28 },
  { header: '问题', key: 'description', width: 40 },
  { header: '责任领导', key: 'leader', width: 10 },
  { header: '牵头单位', key: 'unit', width: 16 },
  { header: '整改措施', key: 'measures', width: 40 },
  { header: '整改目标', key: 'target', width: 28 },
  { header: '整改时限', key: 'deadline', width: 12 },
  { header: '整改状态', key: 'status', width: 12 },
  { header: '是否逾期', key: 'overdue', width: 8 },
  { header: '最新进展', key: 'progress', width: 40 },
  { header: '销号时间', key: 'closedAt', width: 20 },
  { header: '回头看', key: 'recheck', width: 24 },
]

/** Spreadsheets must not run what someone typed (=, +, -, @ start a formula). */
const cell = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text)

/** One ledger row per problem, in the list's order. */
export async function* rectificationLedgerRows(
  list: RectificationListDocument,
  problems: RectificationProblemDocument[],
  now: Date,
) {
  const names = await namesFor(problems)
  for (const problem of problems) {
    const aspect = list.aspects.find((entry) => entry.no === problem.aspectNo)
    const item = list.items.find((entry) => entry.no === problem.itemNo)
    const latest = problem.progress.at(-1)
    const closedAt = problem.status === 'closed' && problem.approval?.at ? problem.approval.at : null
    yield {
      no: problem.no,
      aspect: `${chineseNumber(problem.aspectNo)}、${cell(aspect?.title ?? '')}`,
      item: `${problem.itemNo}. ${cell(item?.title ?? '')}`,
      description: cell(problem.description),
      leader: names.leader.get(String(problem.responsibleLeaderId)) ?? '',
      unit: names.unit.get(String(problem.leadUnitId)) ?? '',
      measures: cell(problem.measures),
      target: cell(problem.target),
      deadline: problem.deadline,
      status: rectificationStatusLabels[problem.status as RectificationStatus],
      overdue: rectificationOverdue(problem, now) ? '是' : '否',
      progress: latest ? cell(latest.note ?? '') : '',
      closedAt: closedAt ? closedAt.toISOString() : '',
      recheck: problem.recheck
        ? `${problem.recheck.dueOn}${problem.recheck.result ? ` ${recheckResultLabels[problem.recheck.result as 'consolidated']}` : ' 待回头看'}`
        : '',
    }
  }
}
