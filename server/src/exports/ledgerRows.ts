import {
  caseKindLabels,
  caseStatusLabels,
  chinaDate,
  householdTagLabels,
  maskPhone,
  publicAddress,
  ratingLabels,
  stripPersonalData,
  visitPurposeLabels,
  type CaseKind,
  type Rating,
  type VisitPurpose,
} from '@minqing/shared'
import type { Types } from 'mongoose'
import { CaseEventModel } from '../cases/caseEvent.model'
import { CaseModel, type CaseDocument } from '../cases/case.model'
import { CategoryModel } from '../categories/category.model'
import { UnitModel } from '../units/unit.model'
import { UserModel } from '../users/user.model'
import { VisitModel } from '../visits/visit.model'

export const sourceLabels: Record<string, string> = {
  residentApp: '群众小程序',
  visit: '走访发现',
  reception: '开门接访',
  hotline: '热线',
  email: '信件',
  topic: '问计于民',
  import: '历史导入',
}

const time = (date: Date | null | undefined) => (date ? chinaDate(date).format('YYYY-MM-DD HH:mm') : '')

export interface LedgerColumn {
  header: string
  key: string
  width: number
}

/** The case ledger's columns (台账), in order. */
export const caseLedgerColumns: LedgerColumn[] = [
  { header: '编号', key: 'number', width: 18 },
  { header: '受理日期', key: 'receivedAt', width: 18 },
  { header: '来源', key: 'source', width: 12 },
  { header: '类型', key: 'kind', width: 10 },
  { header: '分类', key: 'category', width: 14 },
  { header: '事项摘要', key: 'summary', width: 40 },
  { header: '包案领导', key: 'leader', width: 12 },
  { header: '责任单位', key: 'unit', width: 20 },
  { header: '责任人', key: 'handler', width: 12 },
  { header: '办理措施', key: 'measures', width: 40 },
  { header: '办理时限', key: 'deadline', width: 18 },
  { header: '办理状态', key: 'status', width: 10 },
  { header: '办结日期', key: 'closedAt', width: 18 },
  { header: '群众评价', key: 'rating', width: 10 },
]

export interface CaseLedgerFilter {
  from: Date
  to: Date
  /** A unit and the units below it: cases any of them holds or held. */
  unitIds?: readonly Types.ObjectId[]
}

/**
 * Case ledger rows of a period (by date received) and optionally one unit subtree (cases its
 * units hold or held), in batches so large exports stream instead of loading every case at once.
 */
const caseLedgerQuery = (filter: CaseLedgerFilter) => {
  const query: Record<string, unknown> = { submittedAt: { $gte: filter.from, $lte: filter.to } }
  if (filter.unitIds) query.involvedUnitIds = { $in: filter.unitIds }
  return query
}

/** How many rows the case ledger will have (sent first, so the client can show progress). */
export const caseLedgerCount = (filter: CaseLedgerFilter) => CaseModel.countDocuments(caseLedgerQuery(filter))

export async function* caseLedgerRows(filter: CaseLedgerFilter) {
  const query = caseLedgerQuery(filter)
  const categories = new Map(
    (await CategoryModel.find({}, { code: 1, name: 1 })).map((row) => [row.code, row.name]),
  )
  // Ties broken by number (unique, in filing order): PostgreSQL returns equal keys in any order.
  const cursor = CaseModel.find(query).sort({ submittedAt: 1, number: 1 }).cursor({ batchSize: 200 })
  let batch: CaseDocument[] = []
  const flush = async function* () {
    const records = batch
    batch = []
    const ids = records.map((record) => record._id)
    const [events, units, people] = await Promise.all([
      CaseEventModel.find(
        { caseId: { $in: ids }, action: { $in: ['accept', 'reply', 'resolve'] } },
        { caseId: 1, action: 1, message: 1, public: 1, 'actor.userId': 1, seq: 1 },
      ).sort({ seq: 1 }),
      UnitModel.find({ _id: { $in: records.map((record) => record.unitId).filter(Boolean) } }, { name: 1 }),
      UserModel.find(
        { _id: { $in: records.map((record) => record.ownerLeaderId).filter(Boolean) as Types.ObjectId[] } },
        { name: 1 },
      ),
    ])
    const handlerIds = events.filter((event) => event.action === 'accept').map((event) => event.actor?.userId)
    const handlers = await UserModel.find({ _id: { $in: handlerIds.filter(Boolean) } }, { name: 1 })
    const name = (list: Array<{ _id: unknown; name: string }>, id: unknown) =>
      list.find((item) => String(item._id) === String(id))?.name ?? ''
    for (const record of records) {
      const own = events.filter((event) => String(event.caseId) === String(record._id))
      const accepted = [...own].reverse().find((event) => event.action === 'accept')
      yield {
        number: record.number,
        receivedAt: time(record.submittedAt),
        source: sourceLabels[record.source] ?? record.source,
        kind: caseKindLabels[record.kind as CaseKind] ?? record.kind,
        category: categories.get(record.categoryCode) ?? record.categoryCode,
        // Ledgers are printed and passed around: free text goes through the privacy stripper.
        summary: stripPersonalData(`${record.title}：${record.description}`).slice(0, 300),
        leader: name(people, record.ownerLeaderId),
        unit: name(units, record.unitId),
        handler: accepted ? name(handlers, accepted.actor?.userId) : '',
        measures: own
          .filter((event) => event.public && event.message)
          .map((event) => stripPersonalData(event.message!))
          .join('；'),
        deadline: time(record.deadlines.answerBy ?? record.deadlines.acceptBy),
        status: caseStatusLabels[record.status],
        closedAt: time(record.closedAt),
        rating: record.rating?.value ? ratingLabels[record.rating.value as Rating] : '',
      }
    }
  }
  for await (const record of cursor) {
    batch.push(record)
    if (batch.length >= 200) yield* flush()
  }
  yield* flush()
}

export const visitLedgerColumns: LedgerColumn[] = [
  { header: '走访日期', key: 'visitedAt', width: 18 },
  { header: '走访人', key: 'visitor', width: 12 },
  { header: '所在单位', key: 'unit', width: 20 },
  { header: '走访对象', key: 'household', width: 12 },
  { header: '住址', key: 'address', width: 24 },
  { header: '联系电话', key: 'phone', width: 14 },
  { header: '户别', key: 'tags', width: 20 },
  { header: '走访目的', key: 'purposes', width: 24 },
  { header: '民情日记', key: 'notes', width: 40 },
  { header: '发现问题', key: 'problems', width: 30 },
  { header: '需回访', key: 'followUp', width: 12 },
]

/** Visit ledger rows of a period (and unit subtree); contact details masked in the ledger. */
const visitLedgerQuery = (filter: { from: Date; to: Date; unitIds?: Types.ObjectId[] }) => {
  const query: Record<string, unknown> = { visitedAt: { $gte: filter.from, $lte: filter.to } }
  if (filter.unitIds) query.unitId = { $in: filter.unitIds }
  return query
}

export const visitLedgerCount = (filter: { from: Date; to: Date; unitIds?: Types.ObjectId[] }) =>
  VisitModel.countDocuments(visitLedgerQuery(filter))

export async function* visitLedgerRows(filter: { from: Date; to: Date; unitIds?: Types.ObjectId[] }) {
  const query = visitLedgerQuery(filter)
  const visits = await VisitModel.find(query).sort({ visitedAt: 1, _id: 1 })
  const users = await UserModel.find({ _id: { $in: visits.map((visit) => visit.createdBy) } }, { name: 1 })
  const units = await UnitModel.find(
    { _id: { $in: visits.map((visit) => visit.unitId).filter(Boolean) } },
    { name: 1 },
  )
  for (const visit of visits) {
    const content = visit.content as {
      household: { name: string; address: string; phone?: string; tags: string[] }
      purposes: string[]
      notes: string
      problems: Array<{ title: string }>
      followUp: { needed: boolean; by?: string }
    }
    yield {
      visitedAt: time(visit.visitedAt),
      visitor: users.find((user) => String(user._id) === String(visit.createdBy))?.name ?? '',
      unit: units.find((unit) => String(unit._id) === String(visit.unitId))?.name ?? '',
      household: content.household.name,
      address: publicAddress(content.household.address) ?? '',
      phone: maskPhone(content.household.phone) ?? '',
      tags: content.household.tags
        .map((tag) => householdTagLabels[tag as keyof typeof householdTagLabels] ?? tag)
        .join('、'),
      purposes: content.purposes
        .map((purpose) => visitPurposeLabels[purpose as VisitPurpose] ?? purpose)
        .join('、'),
      notes: stripPersonalData(content.notes),
      problems: content.problems.map((problem) => stripPersonalData(problem.title)).join('；'),
      followUp: content.followUp.needed ? (content.followUp.by ?? '是') : '',
    }
  }
}
