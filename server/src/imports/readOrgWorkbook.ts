import { AppError, orgSheets, orgUnitColumns, orgUserColumns } from '@minqing/shared'
import ExcelJS from 'exceljs'
import { readWorksheet, type SheetRow } from './readSheet'

/** At most this many rows per sheet: a bigger organisation goes in several files. */
export const maxOrgRows = 5_000

/** The 单位 and 人员 sheets of an org workbook (.xlsx only: a CSV holds one sheet). */
export async function readOrgWorkbook(buffer: Buffer): Promise<{ units: SheetRow[]; users: SheetRow[] }> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch (error) {
    throw new AppError('IMPORT_FILE_UNREADABLE', { cause: error })
  }
  const unitSheet = workbook.getWorksheet(orgSheets.units)
  const userSheet = workbook.getWorksheet(orgSheets.users)
  if (!unitSheet || !userSheet) throw new AppError('IMPORT_SHEETS_MISSING')
  const units = readWorksheet(unitSheet)
  const users = readWorksheet(userSheet)
  const missing = [
    ...orgUnitColumns
      .filter((column) => !units.header.includes(column))
      .map((column) => `${orgSheets.units}.${column}`),
    ...orgUserColumns
      .filter((column) => !users.header.includes(column))
      .map((column) => `${orgSheets.users}.${column}`),
  ]
  if (missing.length) throw new AppError('ORG_IMPORT_COLUMNS_MISSING', { details: { missing } })
  if (units.rows.length > maxOrgRows || users.rows.length > maxOrgRows)
    throw new AppError('PAYLOAD_TOO_LARGE', { details: { maxRows: maxOrgRows } })
  return { units: units.rows, users: users.rows }
}
