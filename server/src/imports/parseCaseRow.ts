import type { Cell } from './readSheet'

export const requiredColumns = ['编号', '标题', '内容', '分类', '责任单位', '提交时间'] as const
export const optionalColumns = ['办结时间', '状态', '答复'] as const

/** A history row ready to store: every reference resolved, times as instants. */
export interface ImportedCase {
  number: string
  title: string
  description: string
  categoryCode: string
  unitId: string
  submittedAt: Date
  closedAt: Date
  reply: string | null
}

export interface Directory {
  /** Category by code and by name. */
  categoryCode(value: string): string | null
  /** Unit ids by exact name (several when names repeat). */
  unitIds(name: string): string[]
}

/** Words a work-order system writes for a finished case; anything else is not history yet. */
const closedWords = new Set([
  '已办结',
  '办结',
  '已完成',
  '完成',
  '已关闭',
  '关闭',
  '已结案',
  '结案',
  '已回复',
  'closed',
  'done',
])

const text = (cell: Cell | undefined) => (cell instanceof Date ? '' : (cell ?? '').trim())

/**
 * A time as work-order exports write it, read as China time: an Excel date cell (stored as a
 * wall-clock time, which exceljs hands over as if it were UTC), or "2023-05-01 10:00[:00]",
 * "2023/5/1", "2023年5月1日". Null when it is none of these or not a real date.
 */
export function parseChinaTime(cell: Cell | undefined): Date | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null
    return new Date(cell.getTime() - 8 * 60 * 60_000)
  }
  const match = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
    text(cell),
  )
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0))
  const pad = (value: number) => String(value).padStart(2, '0')
  const date = new Date(
    `${year}-${pad(month!)}-${pad(day!)}T${pad(hour!)}:${pad(minute!)}:${pad(second!)}+08:00`,
  )
  // "2023-02-30" must not roll over into March: the China wall clock must read back the same day.
  const wall = new Date(date.getTime() + 8 * 60 * 60_000)
  if (Number.isNaN(date.getTime()) || wall.getUTCMonth() + 1 !== month || wall.getUTCDate() !== day)
    return null
  return date
}

/** Checks one row; answers the case to store or every problem found, in Chinese. */
export function parseCaseRow(
  cells: Record<string, Cell>,
  directory: Directory,
  now: Date,
): { ok: true; value: ImportedCase } | { ok: false; issues: string[] } {
  const issues: string[] = []
  const number = text(cells['编号'])
  if (!number) issues.push('编号为空')
  else if (number.length > 64) issues.push('编号超过64个字符')
  const description = text(cells['内容'])
  if (!description) issues.push('内容为空')
  else if (description.length > 4000) issues.push('内容超过4000字')
  const title = text(cells['标题']) || description.slice(0, 30)
  if (title.length > 200) issues.push('标题超过200字')
  const categoryValue = text(cells['分类'])
  const categoryCode = categoryValue ? directory.categoryCode(categoryValue) : null
  if (!categoryValue) issues.push('分类为空')
  else if (!categoryCode) issues.push(`分类「${categoryValue}」不存在`)
  const unitName = text(cells['责任单位'])
  const units = unitName ? directory.unitIds(unitName) : []
  if (!unitName) issues.push('责任单位为空')
  else if (units.length === 0) issues.push(`责任单位「${unitName}」不存在`)
  else if (units.length > 1) issues.push(`责任单位「${unitName}」有重名，无法确定`)
  const submittedAt = parseChinaTime(cells['提交时间'])
  if (!submittedAt) issues.push('提交时间无法识别（例：2023-05-01 10:00）')
  else if (submittedAt > now) issues.push('提交时间晚于现在')
  const closedCell = cells['办结时间']
  // Without a closing time the case is taken as closed when it was filed (history, not live work).
  const closedGiven = closedCell instanceof Date || text(closedCell) !== ''
  const closedAt = closedGiven ? parseChinaTime(closedCell) : submittedAt
  if (!closedAt && submittedAt) issues.push('办结时间无法识别')
  else if (closedAt && submittedAt && closedAt < submittedAt) issues.push('办结时间早于提交时间')
  const status = text(cells['状态'])
  if (status && !closedWords.has(status.toLowerCase()))
    issues.push(`状态「${status}」不是已办结：只导入办结的历史工单`)
  const reply = text(cells['答复'])
  if (reply.length > 4000) issues.push('答复超过4000字')
  if (issues.length) return { ok: false, issues }
  return {
    ok: true,
    value: {
      number,
      title,
      description,
      categoryCode: categoryCode!,
      unitId: units[0]!,
      submittedAt: submittedAt!,
      closedAt: closedAt!,
      reply: reply || null,
    },
  }
}
