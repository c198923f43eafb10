import { AppError } from '@minqing/shared'
import ExcelJS from 'exceljs'
import { Readable } from 'node:stream'

/** One cell as the import reads it: text, or a date when the spreadsheet stored a date. */
export type Cell = string | Date
export interface SheetRow {
  /** The row number a person sees in the spreadsheet (the header is row 1). */
  row: number
  cells: Record<string, Cell>
}

/**
 * The first worksheet of an .xlsx file, or a .csv file (UTF-8, a BOM allowed), as rows keyed by
 * the header row's column names. Parsed by exceljs, which reads both; CSV cells stay text (its
 * own date guessing would read a wall-clock time in the server's time zone).
 */
export async function readSheet(
  buffer: Buffer,
  filename: string,
): Promise<{ header: string[]; rows: SheetRow[] }> {
  const workbook = new ExcelJS.Workbook()
  try {
    if (/\.csv$/i.test(filename)) {
      const text = buffer.toString('utf8').replace(/^\uFEFF/, '')
      await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value })
    } else {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
    }
  } catch (error) {
    throw new AppError('IMPORT_FILE_UNREADABLE', { cause: error })
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new AppError('IMPORT_FILE_UNREADABLE')
  return readWorksheet(sheet)
}

/** One worksheet as rows keyed by its header row's column names (blank rows left out). */
export function readWorksheet(sheet: ExcelJS.Worksheet): { header: string[]; rows: SheetRow[] } {
  const header: string[] = []
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    header[column] = cell.text.trim()
  })
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return
    const cells: Record<string, Cell> = {}
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const name = header[column]
      if (!name) return
      cells[name] = cell.value instanceof Date ? cell.value : cell.text.trim()
    })
    if (Object.values(cells).some((value) => value !== '')) rows.push({ row: number, cells })
  })
  return { header: header.filter(Boolean), rows }
}
