import {
  importableRoles,
  orgExampleUnitRow,
  orgExampleUserRow,
  orgSheets,
  orgUnitColumns,
  orgUserColumns,
  positionLevelLabels,
  positionLevels,
  roleLabels,
  unitLevelLabels,
  unitLevels,
} from '@minqing/shared'
import ExcelJS from 'exceljs'

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const guide = [
  ['填写说明'],
  ['1. “单位”表每行一个单位；“人员”表每行一个人。请删除示例行后再导入。'],
  ['2. 导入时在系统中选择一个上级单位，表中的单位都建在它之下。'],
  [
    '3. 上级单位、所属单位：留空表示导入时选择的单位；也可填单位名称，重名时填路径，如“某街道/某社区”。可以引用本表中新增的单位。',
  ],
  [`4. 类型可填：${unitLevels.map((level) => unitLevelLabels[level]).join('、')}。`],
  [`5. 角色可填：${importableRoles.map((role) => roleLabels[role]).join('、')}。`],
  [
    `6. 职务级别可填：${positionLevels.map((level) => positionLevelLabels[level]).join('、')}；留空时干部/网格员按“干部”计。`,
  ],
  ['7. 手机号即登录账号，不能与已有账号重复。导入后系统为每人生成一次性临时密码，本人首次登录须设置新密码。'],
  ['8. 先点“校验”检查全部行：有任何一行出错，整个文件都不会导入。'],
  ['9. 导出的文件可以原样导入；已停用的单位和人员不导出。'],
]

/** The three sheets with their header row styled and columns wide enough for Chinese text. */
export function orgWorkbook(
  rows: { units: string[][]; users: string[][] },
  withGuide = true,
): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook()
  const sheet = (name: string, columns: readonly string[], body: string[][]) => {
    const target = book.addWorksheet(name)
    target.columns = columns.map((header) => ({
      header,
      key: header,
      width: header === '上级单位' || header === '所属单位' ? 30 : 18,
    }))
    target.getRow(1).font = { bold: true }
    // Text cells: a phone must stay "13800000000", never become a number in scientific notation.
    for (const column of target.columns) column.numFmt = '@'
    for (const row of body) target.addRow(row)
    return target
  }
  sheet(orgSheets.units, orgUnitColumns, rows.units)
  sheet(orgSheets.users, orgUserColumns, rows.users)
  if (withGuide) {
    const help = book.addWorksheet(orgSheets.guide)
    help.getColumn(1).width = 110
    for (const line of guide) help.addRow(line)
    help.getRow(1).font = { bold: true }
  }
  return book
}

export async function orgTemplate(): Promise<Buffer> {
  const book = orgWorkbook({ units: [[...orgExampleUnitRow]], users: [[...orgExampleUserRow]] })
  return Buffer.from(await book.xlsx.writeBuffer())
}
