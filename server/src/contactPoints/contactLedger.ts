import { contactPointKindLabels, contactTargetTypeLabels, maskAddress, maskName } from '@minqing/shared'
import ExcelJS from 'exceljs'
import type { Types } from 'mongoose'
import { PairModel } from '../pairs/pair.model'
import { UnitModel } from '../units/unit.model'
import { UserModel } from '../users/user.model'
import { ContactActivityModel, ContactPointModel } from './contactPoint.model'
import { presentContactActivities, presentContactPoints } from './contactPoints'

const inScope = (scope: Types.ObjectId[] | null) => (scope ? { $in: scope } : { $exists: true })

/**
 * The ledger a unit reports upward to the campaign office: its 联系点 and 帮扶共建 partners, its
 * 结对帮扶 pairs (household name and address masked: the office needs the count and the cadre,
 * not the family's identity) and the activity log. Three sheets, one workbook.
 */
export async function contactLedger(scope: Types.ObjectId[] | null): Promise<Buffer> {
  const points = await ContactPointModel.find({ unitId: inScope(scope) }).sort({
    unitId: 1,
    kind: 1,
    name: 1,
    _id: 1,
  })
  const presented = await presentContactPoints(points)
  const pairs = await PairModel.find({ unitId: inScope(scope), endedAt: null }).sort({
    unitId: 1,
    pairedAt: 1,
    _id: 1,
  })
  const [units, staff] = await Promise.all([
    UnitModel.find({ _id: { $in: pairs.map((pair) => pair.unitId) } }, { name: 1 }),
    UserModel.find({ _id: { $in: pairs.map((pair) => pair.staffId) } }, { name: 1 }),
  ])
  const unitName = new Map(units.map((unit) => [String(unit._id), unit.name]))
  const staffName = new Map(staff.map((user) => [String(user._id), user.name]))
  const activities = await ContactActivityModel.find({
    contactPointId: { $in: points.map((p) => p._id) },
  }).sort({
    heldOn: 1,
    _id: 1,
  })
  const log = await presentContactActivities(activities)
  const pointName = new Map(presented.map((point) => [point.id, point]))

  const workbook = new ExcelJS.Workbook()
  const sheet = (name: string, columns: { header: string; key: string; width: number }[]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
    ws.columns = columns
    ws.getRow(1).font = { bold: true }
    return ws
  }
  const pointsSheet = sheet('联系点与帮扶共建', [
    { header: '单位', key: 'unit', width: 16 },
    { header: '类型', key: 'kind', width: 10 },
    { header: '对象类型', key: 'target', width: 10 },
    { header: '名称', key: 'name', width: 24 },
    { header: '联系领导', key: 'leader', width: 12 },
    { header: '建立日期', key: 'since', width: 12 },
    { header: '活动次数', key: 'activities', width: 10 },
    { header: '最近活动', key: 'last', width: 12 },
  ])
  for (const point of presented)
    pointsSheet.addRow({
      unit: point.unitName,
      kind: contactPointKindLabels[point.kind],
      target: contactTargetTypeLabels[point.targetType],
      name: point.name,
      leader: point.leaderName,
      since: point.since,
      activities: point.activities,
      last: point.lastActivityOn ?? '',
    })
  const pairsSheet = sheet('结对帮扶', [
    { header: '单位', key: 'unit', width: 16 },
    { header: '结对干部', key: 'staff', width: 12 },
    { header: '结对户', key: 'household', width: 12 },
    { header: '住址', key: 'address', width: 24 },
    { header: '结对日期', key: 'since', width: 12 },
    { header: '回访周期（天）', key: 'every', width: 14 },
  ])
  for (const pair of pairs)
    pairsSheet.addRow({
      unit: pair.unitId ? (unitName.get(String(pair.unitId)) ?? '') : '',
      staff: staffName.get(String(pair.staffId)) ?? '',
      household: maskName(pair.household.name) ?? '',
      address: maskAddress(pair.household.address) ?? '',
      since: pair.pairedAt.toISOString().slice(0, 10),
      every: pair.revisitEveryDays,
    })
  const logSheet = sheet('活动记录', [
    { header: '日期', key: 'date', width: 12 },
    { header: '单位', key: 'unit', width: 16 },
    { header: '联系点/共建对象', key: 'point', width: 24 },
    { header: '内容', key: 'summary', width: 48 },
    { header: '记录人', key: 'by', width: 12 },
  ])
  for (const entry of log) {
    const point = pointName.get(entry.contactPointId)
    logSheet.addRow({
      date: entry.heldOn,
      unit: point?.unitName,
      point: point?.name,
      summary: entry.summary,
      by: entry.byName,
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
