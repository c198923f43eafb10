import type { CaseImportResult } from '@minqing/shared'
import { AppError } from '@minqing/shared'
import { createHash } from 'node:crypto'
import { Types } from 'mongoose'
import { CategoryModel } from '../categories/category.model'
import { CaseEventModel } from '../cases/caseEvent.model'
import { CaseModel } from '../cases/case.model'
import { isDuplicateKey } from '../db/duplicateKey'
import type { Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { parseCaseRow, requiredColumns, type Directory, type ImportedCase } from './parseCaseRow'
import type { SheetRow } from './readSheet'

/** At most this many rows per file: a bigger history goes in several files. */
export const maxImportRows = 50_000
const batchSize = 500

/**
 * An imported case's id comes from its original 编号, so posting the same file again finds
 * every case already there (skipped, not doubled), and two concurrent imports collide on `_id`.
 */
export function importedCaseId(number: string): Types.ObjectId {
  return new Types.ObjectId(createHash('sha256').update(`import|${number}`).digest().subarray(0, 12))
}

async function loadDirectory(viewer: Viewer): Promise<Directory> {
  // A district admin's file names the city's categories and their district's own (retired ones
  // too: history), never another district's, whose names may repeat theirs.
  const categories = (await CategoryModel.find({}, { code: 1, name: 1, tenantId: 1 }).lean()).filter(
    (row) => !viewer.tenantId || !row.tenantId || String(row.tenantId) === viewer.tenantId,
  )
  const byCode = new Map(categories.map((row) => [row.code, row.code]))
  const byName = new Map<string, string[]>()
  for (const row of categories) byName.set(row.name, [...(byName.get(row.name) ?? []), row.code])
  const units = await UnitModel.find({}, { name: 1 }).lean()
  const unitsByName = new Map<string, string[]>()
  for (const row of units) unitsByName.set(row.name, [...(unitsByName.get(row.name) ?? []), String(row._id)])
  return {
    // A code first; a name only when it names one category (两个“其他” would be a guess).
    categoryCode: (value) =>
      byCode.get(value) ?? (byName.get(value)?.length === 1 ? byName.get(value)![0]! : null),
    unitIds: (name) => unitsByName.get(name) ?? [],
  }
}

function caseDocument(item: ImportedCase, viewer: Viewer) {
  const unitId = new Types.ObjectId(item.unitId)
  return {
    _id: importedCaseId(item.number),
    number: item.number,
    clientId: `import:${item.number}`,
    submittedAt: item.submittedAt,
    createdBy: viewer.userId,
    source: 'import',
    kind: 'complaint',
    categoryCode: item.categoryCode,
    title: item.title,
    description: item.description,
    urgency: 'general',
    status: 'closed',
    closedReason: 'byStaff',
    closedAt: item.closedAt,
    resolvedAt: item.closedAt,
    unitId,
    firstReceiverUnitId: unitId,
    involvedUnitIds: [unitId],
    routing: { kind: 'import', unitId, reason: '历史工单导入', decidedAt: item.submittedAt },
    deadlines: {},
    eventSeq: 1,
  }
}

/**
 * Imports closed history. Every row is checked before anything is written; rows with problems
 * are reported `{ row, issues }` and the others go in. A 编号 already in the database (an
 * earlier import of the same file) is skipped. With `dryRun` nothing is written and the answer
 * says what a real import would do. Imported cases write no rollups, so the live statistics do
 * not count them; ledgers list them (source 历史导入); the dispatch model learns from them.
 */
export async function importCases(
  viewer: Viewer,
  sheet: { header: string[]; rows: SheetRow[] },
  options: { dryRun: boolean; now: Date },
): Promise<CaseImportResult> {
  const missing = requiredColumns.filter((column) => !sheet.header.includes(column))
  if (missing.length) throw new AppError('IMPORT_COLUMNS_MISSING', { details: { missing } })
  if (sheet.rows.length > maxImportRows)
    throw new AppError('PAYLOAD_TOO_LARGE', { details: { maxRows: maxImportRows } })
  const directory = await loadDirectory(viewer)
  const errors: CaseImportResult['errors'] = []
  const valid: ImportedCase[] = []
  const firstRowOf = new Map<string, number>()
  for (const { row, cells } of sheet.rows) {
    const parsed = parseCaseRow(cells, directory, options.now)
    if (!parsed.ok) {
      errors.push({ row, issues: parsed.issues })
      continue
    }
    const earlier = firstRowOf.get(parsed.value.number)
    if (earlier !== undefined) {
      errors.push({ row, issues: [`编号与第${earlier}行重复`] })
      continue
    }
    firstRowOf.set(parsed.value.number, row)
    valid.push(parsed.value)
  }

  let imported = 0
  let skipped = 0
  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize)
    const present = new Set(
      (
        await CaseModel.find(
          { _id: { $in: batch.map((item) => importedCaseId(item.number)) } },
          { _id: 1 },
        ).lean()
      ).map((row) => String(row._id)),
    )
    const fresh = batch.filter((item) => !present.has(String(importedCaseId(item.number))))
    skipped += batch.length - fresh.length
    if (options.dryRun) {
      imported += fresh.length
      continue
    }
    imported += await insertFresh(fresh, viewer, (count) => (skipped += count))
  }
  return { imported, skipped, errors }
}

/** Inserts cases and their import events; a case another import stored meanwhile counts as skipped. */
async function insertFresh(items: ImportedCase[], viewer: Viewer, onSkipped: (count: number) => void) {
  if (!items.length) return 0
  let stored = items.length
  try {
    await CaseModel.insertMany(
      items.map((item) => caseDocument(item, viewer)),
      { ordered: false },
    )
  } catch (error) {
    const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors ?? []
    if (!isDuplicateKey(error) && !writeErrors.length) throw error
    const duplicates = writeErrors.length || 1
    stored -= duplicates
    onSkipped(duplicates)
  }
  await CaseEventModel.insertMany(
    items.map((item) => ({
      caseId: importedCaseId(item.number),
      seq: 1,
      action: 'import',
      from: null,
      to: 'closed',
      actor: { userId: viewer.userId, role: viewer.role, unitId: viewer.unitId },
      at: item.closedAt,
      reason: '历史工单导入',
      message: item.reply,
      data: { number: item.number, submittedAt: item.submittedAt },
    })),
    { ordered: false },
  ).catch((error: unknown) => {
    // The events of cases another import stored are already there: that is the same history.
    if (!isDuplicateKey(error)) throw error
  })
  return stored
}
