import {
  orgExampleUnitRow,
  orgExampleUserRow,
  orgSheets,
  orgUnitColumns,
  orgUnitRowSchema,
  orgUserColumns,
  orgUserRowSchema,
  unitLevelLabels,
  type OrgRowError,
  type PositionLevel,
  type Role,
  type UnitLevel,
} from '@minqing/shared'
import type { z } from 'zod'
import { canNest } from '../units/unitTree'
import type { Cell, SheetRow } from './readSheet'

/** The unit chosen for the import and what already lies below it. */
export interface OrgDirectory {
  root: { id: string; name: string; level: UnitLevel }
  /** Every unit below the root; `parentId` null means directly under the root. */
  existing: { id: string; name: string; level: UnitLevel; parentId: string | null }[]
  /** Phones of the file that some account (any tenant, any role) already logs in with. */
  takenPhones: ReadonlySet<string>
}

/** Where a unit hangs: the root, an existing unit, or a unit of this file (by its row index). */
export type UnitKey = { kind: 'root' } | { kind: 'existing'; id: string } | { kind: 'new'; index: number }

export interface PlannedUnit {
  index: number
  row: number
  name: string
  level: UnitLevel
  parent: UnitKey
}
export interface PlannedUser {
  row: number
  name: string
  phone: string
  role: Role
  unit: UnitKey
  /** The unit as the sheet names it from the root ('' for the root itself), for the answer. */
  unitPath: string
  positionLevel: PositionLevel | null
}
export interface OrgPlan {
  units: PlannedUnit[]
  users: PlannedUser[]
  errors: OrgRowError[]
}

type Issue = { field: string; message: string }

const text = (cell: Cell | undefined) =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : (cell ?? '')

function rowCells(cells: Record<string, Cell>, columns: readonly string[]) {
  return Object.fromEntries(columns.map((column) => [column, text(cells[column])]))
}

/** Zod's issues as one message per column (the first), in the sheet's column order. */
function zodIssues(error: z.ZodError, columns: readonly string[]): Issue[] {
  const byField = new Map<string, string>()
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '')
    if (!byField.has(field)) byField.set(field, issue.message)
  }
  return columns
    .filter((column) => byField.has(column))
    .map((field) => ({ field, message: byField.get(field)! }))
}

const isExample = (cells: Record<string, string>, columns: readonly string[], example: readonly string[]) =>
  columns.every((column, index) => (cells[column] ?? '') === example[index])

/**
 * Checks both sheets before anything is written and answers what to create, in creation order
 * (parents first), or every problem of every row. Units are referred to by name or by a path
 * 甲/乙 from the chosen unit; a reference may name a unit of the same file.
 */
export function planOrgImport(
  sheets: { units: SheetRow[]; users: SheetRow[] },
  directory: OrgDirectory,
): OrgPlan {
  const errors: OrgRowError[] = []
  const report = (sheet: typeof orgSheets.units | typeof orgSheets.users, row: number, issues: Issue[]) => {
    if (issues.length) errors.push({ sheet, row, issues })
  }

  const unitRows = sheets.units.map(({ row, cells }) => {
    const raw = rowCells(cells, orgUnitColumns)
    const parsed = orgUnitRowSchema.safeParse(raw)
    return { row, raw, parsed }
  })
  const names = unitRows.map((item) =>
    item.parsed.success ? item.parsed.data.单位名称 : item.raw['单位名称']!.trim(),
  )
  const existingById = new Map(directory.existing.map((unit) => [unit.id, unit]))

  const keyOf = (key: UnitKey) =>
    key.kind === 'root' ? 'root' : key.kind === 'existing' ? `e:${key.id}` : `n:${key.index}`
  const parentRefs = unitRows.map((item) =>
    item.parsed.success ? item.parsed.data.上级单位 : item.raw['上级单位']!.trim(),
  )

  // Paths of units from the root ("街道/社区"); new units' paths follow their resolved parents.
  const existingPath = (id: string): string => {
    const unit = existingById.get(id)!
    return unit.parentId ? `${existingPath(unit.parentId)}/${unit.name}` : unit.name
  }
  const parentOf: (UnitKey | string | undefined)[] = []
  const visiting = new Set<number>()
  const cycle = '上级单位形成循环（几个单位互为上级）'

  const walking = new Set<number>()
  /** The path from the root; null when a parent is unknown, ambiguous or the chain loops. */
  function pathOf(key: UnitKey): string | null {
    if (key.kind === 'root') return ''
    if (key.kind === 'existing') return existingPath(key.id)
    if (walking.has(key.index)) return null
    walking.add(key.index)
    const parent = resolveParent(key.index)
    const above = typeof parent === 'string' ? null : pathOf(parent)
    walking.delete(key.index)
    return above === null ? null : above ? `${above}/${names[key.index]}` : names[key.index]!
  }

  /** True when following the parents of this file's unit comes back to it. */
  function inCycle(index: number): boolean {
    const seen = new Set<number>()
    let key = resolveParent(index)
    while (typeof key !== 'string' && key.kind === 'new') {
      if (key.index === index) return true
      if (seen.has(key.index)) return false
      seen.add(key.index)
      key = resolveParent(key.index)
    }
    return false
  }

  function resolveParent(index: number): UnitKey | string {
    const known = parentOf[index]
    if (known !== undefined) return known
    if (visiting.has(index)) return cycle
    visiting.add(index)
    const result = resolveReference(parentRefs[index]!, index)
    visiting.delete(index)
    parentOf[index] = result
    return result
  }

  /** A reference to a unit: '' is the root; otherwise a name or a path, unique among known units. */
  function resolveReference(value: string, self?: number): UnitKey | string {
    const segments = value
      .split('/')
      .map((segment) => segment.trim())
      .filter(Boolean)
    if (!segments.length) return { kind: 'root' }
    const wanted = segments.join('/')
    const candidates: UnitKey[] = [
      ...directory.existing
        .filter((unit) => unit.name === segments.at(-1))
        .map((unit) => ({ kind: 'existing' as const, id: unit.id })),
      ...names.flatMap((name, index) =>
        name === segments.at(-1) && index !== self ? [{ kind: 'new' as const, index }] : [],
      ),
    ]
    let unresolved: string | undefined
    const matching = candidates.filter((candidate) => {
      if (segments.length === 1) return true
      const path = pathOf(candidate)
      if (path === null) unresolved = nameOf(candidate)
      const full = `${directory.root.name}/${path}`
      return path === wanted || path?.endsWith(`/${wanted}`) || full === wanted || full.endsWith(`/${wanted}`)
    })
    if (matching.length === 1) return matching[0]!
    if (matching.length > 1) return `「${value}」有重名，请写从所选单位起的完整路径（如：街道/社区）`
    if (unresolved) return `「${value}」无法确定：请先改正“单位”表中「${unresolved}」所在行的上级单位`
    if (value === directory.root.name) return { kind: 'root' }
    return `「${value}」不存在：既不在「${directory.root.name}」之下，也不在本文件的“单位”表中`
  }

  const levelOf = (key: UnitKey): UnitLevel | null => {
    if (key.kind === 'root') return directory.root.level
    if (key.kind === 'existing') return existingById.get(key.id)!.level
    const item = unitRows[key.index]!
    return item.parsed.success ? item.parsed.data.类型 : null
  }
  const nameOf = (key: UnitKey) =>
    key.kind === 'root'
      ? directory.root.name
      : key.kind === 'existing'
        ? existingById.get(key.id)!.name
        : names[key.index]!

  const children = new Map<string, number>() // parent key | name → first row
  for (const unit of directory.existing)
    children.set(`${unit.parentId ? `e:${unit.parentId}` : 'root'}|${unit.name}`, 0)

  const units: PlannedUnit[] = []
  unitRows.forEach((item, index) => {
    if (isExample(item.raw, orgUnitColumns, orgExampleUnitRow)) {
      report(orgSheets.units, item.row, [
        { field: '单位名称', message: '这是模板中的示例行，请删除或改成真实单位' },
      ])
      return
    }
    const issues = item.parsed.success ? [] : zodIssues(item.parsed.error, orgUnitColumns)
    const parent = resolveParent(index)
    if (typeof parent === 'string') issues.push({ field: '上级单位', message: parent })
    else if (inCycle(index)) issues.push({ field: '上级单位', message: cycle })
    else if (item.parsed.success) {
      const { 单位名称: name, 类型: level } = item.parsed.data
      const parentLevel = levelOf(parent)
      if (parentLevel && !canNest(parentLevel, level))
        issues.push({
          field: '类型',
          message: `「${unitLevelLabels[level]}」不能建在「${unitLevelLabels[parentLevel]}」（${nameOf(parent)}）之下`,
        })
      const sibling = `${keyOf(parent)}|${name}`
      const earlier = children.get(sibling)
      if (earlier === 0)
        issues.push({ field: '单位名称', message: `「${nameOf(parent)}」下已有单位「${name}」` })
      else if (earlier !== undefined)
        issues.push({ field: '单位名称', message: `与第${earlier}行重复：同一上级下单位名称不能相同` })
      else children.set(sibling, item.row)
      if (!issues.length) units.push({ index, row: item.row, name, level, parent })
    }
    issues.sort((a, b) => orgUnitColumns.indexOf(a.field as never) - orgUnitColumns.indexOf(b.field as never))
    report(orgSheets.units, item.row, issues)
  })

  const users: PlannedUser[] = []
  const phoneRows = new Map<string, number>()
  for (const { row, cells } of sheets.users) {
    const raw = rowCells(cells, orgUserColumns)
    if (isExample(raw, orgUserColumns, orgExampleUserRow)) {
      report(orgSheets.users, row, [{ field: '姓名', message: '这是模板中的示例行，请删除或改成真实人员' }])
      continue
    }
    const parsed = orgUserRowSchema.safeParse(raw)
    const issues = parsed.success ? [] : zodIssues(parsed.error, orgUserColumns)
    const phone = raw['手机号']!.trim()
    if (phone && !issues.some((issue) => issue.field === '手机号')) {
      const earlier = phoneRows.get(phone)
      if (earlier !== undefined) issues.push({ field: '手机号', message: `手机号与第${earlier}行重复` })
      else if (directory.takenPhones.has(phone))
        issues.push({ field: '手机号', message: '该手机号已有账号（一个手机号只能登录一个账号）' })
      phoneRows.set(phone, earlier ?? row)
    }
    const unit = resolveReference(raw['所属单位']!.trim())
    if (typeof unit === 'string')
      issues.push({ field: '所属单位', message: unit.replace('上级单位', '所属单位') })
    issues.sort((a, b) => orgUserColumns.indexOf(a.field as never) - orgUserColumns.indexOf(b.field as never))
    report(orgSheets.users, row, issues)
    if (parsed.success && typeof unit !== 'string' && !issues.length)
      users.push({
        row,
        name: parsed.data.姓名,
        phone: parsed.data.手机号,
        role: parsed.data.角色,
        unit,
        unitPath: pathOf(unit) ?? '',
        positionLevel: parsed.data.职务级别,
      })
  }

  // Parents first: a unit's depth below the root orders its creation (no cycles once error-free).
  const depth = (key: UnitKey): number => (key.kind === 'new' ? 1 + depth(parentOf[key.index] as UnitKey) : 0)
  if (!errors.length) units.sort((a, b) => depth(a.parent) - depth(b.parent) || a.row - b.row)
  errors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === orgSheets.units ? -1 : 1))
  return { units, users, errors }
}
