import {
  caseStatusLabels,
  chinaDate,
  householdTagLabels,
  maskName,
  maskPhone,
  openStatuses,
  publicAddress,
  ratingLabels,
  stripPersonalData,
  visitPurposeLabels,
  type CaseSource,
  type Rating,
  type VisitPurpose,
} from '@minqing/shared'
import type { Types } from 'mongoose'
import { CaseEventModel } from '../cases/caseEvent.model'
import { CaseModel, type CaseDocument } from '../cases/case.model'
import { CategoryModel } from '../categories/category.model'
import { FollowUpModel } from '../followUp/followUp.model'
import { IntakeCallModel } from '../intake/intakeCall.model'
import { UnitModel } from '../units/unit.model'
import { UserModel } from '../users/user.model'
import { VisitModel } from '../visits/visit.model'

/** Typed over every source: a new channel without its label does not compile. */
export const sourceLabels: Record<CaseSource, string> = {
  residentApp: '群众小程序',
  visit: '走访发现',
  reception: '开门接访',
  hotline: '热线',
  email: '电子邮件',
  topic: '问计于民',
  walkIn: '来访（窗口）',
  letter: '来信',
  onlineBox: '网上信箱',
  import: '历史导入',
}

const time = (date: Date | null | undefined) => (date ? chinaDate(date).format('YYYY-MM-DD HH:mm') : '')

export interface LedgerColumn {
  header: string
  key: string
  width: number
}

/** The case ledger's columns (台账), in the order issue #14 lists them. */
export const caseLedgerColumns: LedgerColumn[] = [
  { header: '编号', key: 'number', width: 18 },
  { header: '来源渠道', key: 'source', width: 12 },
  { header: '反映人', key: 'resident', width: 10 },
  { header: '联系电话', key: 'phone', width: 14 },
  { header: '诉求内容', key: 'summary', width: 40 },
  { header: '分类', key: 'category', width: 14 },
  { header: '责任单位', key: 'unit', width: 20 },
  { header: '协办单位', key: 'coUnits', width: 20 },
  { header: '责任人', key: 'handler', width: 12 },
  { header: '包案领导', key: 'leader', width: 12 },
  { header: '受理时间', key: 'receivedAt', width: 18 },
  { header: '办理时限', key: 'deadline', width: 18 },
  { header: '办理情况', key: 'measures', width: 40 },
  { header: '移交/退回次数', key: 'handoffs', width: 12 },
  { header: '督办', key: 'supervision', width: 10 },
  { header: '是否超期', key: 'overdue', width: 10 },
  { header: '办结时间', key: 'closedAt', width: 18 },
  { header: '群众评价', key: 'rating', width: 10 },
  { header: '回访结果', key: 'followUp', width: 12 },
]

/** 督办 as the ledger says it: 挂牌督办 (a leader's flag), 升级督办, 超期督办, or nothing. */
function supervisionLabel(record: CaseDocument): string {
  if (record.supervision?.flag?.level) return '挂牌督办'
  if (record.supervision?.escalatedFor) return '升级督办'
  if (record.supervisionFlag) return '超期督办'
  return ''
}

/** Whether the case missed a deadline: marked by the watch, resolved late, or open past it now. */
function wasOverdue(record: CaseDocument, now: Date): boolean {
  if (record.supervision?.overdueFor) return true
  const answerBy = record.deadlines.answerBy
  if (answerBy && record.resolvedAt && record.resolvedAt > answerBy) return true
  const dueAt = record.deadlines.dueAt
  return Boolean(dueAt && dueAt < now && (openStatuses as readonly string[]).includes(record.status))
}

const followUpLabel = (answer: { solved?: boolean | null } | null | undefined, sampled: boolean) =>
  !sampled ? '' : !answer ? '待回访' : answer.solved ? '已解决' : '未解决'

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

export async function* caseLedgerRows(filter: CaseLedgerFilter, now: Date = new Date()) {
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
    const [events, units, people, residents, followUps, calls] = await Promise.all([
      CaseEventModel.find(
        { caseId: { $in: ids }, action: { $in: ['accept', 'reply', 'resolve'] } },
        { caseId: 1, action: 1, message: 1, public: 1, 'actor.userId': 1, seq: 1 },
      ).sort({ seq: 1 }),
      UnitModel.find(
        {
          _id: {
            $in: records.flatMap((record) => [record.unitId, ...record.coUnitIds]).filter(Boolean),
          },
        },
        { name: 1 },
      ),
      UserModel.find(
        { _id: { $in: records.map((record) => record.ownerLeaderId).filter(Boolean) as Types.ObjectId[] } },
        { name: 1 },
      ),
      UserModel.find({ _id: { $in: records.map((record) => record.createdBy) } }, { name: 1 }),
      FollowUpModel.find({ caseId: { $in: ids } }, { caseId: 1, answer: 1 }),
      // An operator-filed case's intake call shares the case's _id: the caller is the 反映人.
      IntakeCallModel.find({ _id: { $in: ids } }, { caller: 1 }),
    ])
    const handlerIds = events.filter((event) => event.action === 'accept').map((event) => event.actor?.userId)
    const handlers = await UserModel.find({ _id: { $in: handlerIds.filter(Boolean) } }, { name: 1 })
    const name = (list: Array<{ _id: unknown; name: string }>, id: unknown) =>
      list.find((item) => String(item._id) === String(id))?.name ?? ''
    for (const record of records) {
      const own = events.filter((event) => String(event.caseId) === String(record._id))
      const accepted = [...own].reverse().find((event) => event.action === 'accept')
      const followUp = followUps.find((entry) => String(entry.caseId) === String(record._id))
      const caller = calls.find((call) => String(call._id) === String(record._id))?.caller
      const measures = own
        .filter((event) => event.public && event.message)
        .map((event) => stripPersonalData(event.message!))
        .join('；')
      yield {
        number: record.number,
        source: sourceLabels[record.source] ?? record.source,
        // Ledgers are printed and passed around: the person and the number are masked
        // (shared/privacy), and free text goes through the privacy stripper.
        resident: record.anonymous
          ? '匿名'
          : (maskName(caller ? caller.name : name(residents, record.createdBy)) ?? ''),
        phone: record.anonymous ? '' : (maskPhone(caller?.phone ?? record.contactPhone) ?? ''),
        summary: stripPersonalData(`${record.title}：${record.description}`).slice(0, 300),
        category: categories.get(record.categoryCode) ?? record.categoryCode,
        unit: name(units, record.unitId),
        coUnits: record.coUnitIds
          .map((id) => name(units, id))
          .filter(Boolean)
          .join('、'),
        handler: accepted ? name(handlers, accepted.actor?.userId) : '',
        leader: name(people, record.ownerLeaderId),
        receivedAt: time(record.submittedAt),
        deadline: time(record.deadlines.answerBy ?? record.deadlines.acceptBy),
        measures: `【${caseStatusLabels[record.status]}】${measures}`,
        handoffs: `${record.transferCount}/${record.returnCount}`,
        supervision: supervisionLabel(record),
        overdue: wasOverdue(record, now) ? '是' : '否',
        closedAt: time(record.closedAt),
        rating: record.rating?.value ? ratingLabels[record.rating.value as Rating] : '',
        followUp: followUpLabel(followUp?.answer, Boolean(followUp)),
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
