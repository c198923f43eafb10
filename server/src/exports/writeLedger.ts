import ExcelJS from 'exceljs'
import type { Context } from 'koa'
import { PassThrough } from 'node:stream'
import type { LedgerColumn } from './ledgerRows'

/** CSV cell: quoted when it holds a comma, quote or line break; formulas neutralised. */
function csvCell(value: unknown): string {
  let text = String(value ?? '')
  if (/^[=+\-@]/.test(text)) text = `'${text}` // a spreadsheet must not run what a resident typed
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Streams a ledger to the response as .xlsx (exceljs streaming writer: rows are committed as they
 * come, so a large ledger never sits in memory) or as UTF-8 CSV with a BOM (so Excel reads 中文).
 * The row count goes ahead in `X-Total-Rows` (counted first), so a client can show progress while
 * the body streams.
 */
export async function streamLedger(
  ctx: Context,
  options: {
    format: 'xlsx' | 'csv'
    filename: string
    sheet: string
    columns: LedgerColumn[]
    rows: AsyncIterable<Record<string, unknown>>
    totalRows: number
  },
) {
  const stream = new PassThrough()
  ctx.set('X-Total-Rows', String(options.totalRows))
  ctx.set(
    'Content-Disposition',
    `attachment; filename*=UTF-8''${encodeURIComponent(`${options.filename}.${options.format}`)}`,
  )
  ctx.status = 200
  ctx.body = stream
  if (options.format === 'csv') {
    ctx.type = 'text/csv; charset=utf-8'
    stream.write('\ufeff')
    stream.write(`${options.columns.map((column) => csvCell(column.header)).join(',')}\r\n`)
    for await (const row of options.rows)
      stream.write(`${options.columns.map((column) => csvCell(row[column.key])).join(',')}\r\n`)
    stream.end()
    return
  }
  ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true })
  const sheet = workbook.addWorksheet(options.sheet, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = options.columns
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  for await (const row of options.rows) sheet.addRow(row).commit()
  sheet.commit()
  await workbook.commit()
}
