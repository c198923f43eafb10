import { z } from 'zod'
import { positionLevelLabels, positionLevels, roleLabels, type PositionLevel, type Role } from '../auth/roles'
import { objectIdSchema, unitLevelLabels, unitLevels, type UnitLevel } from '../units/schemas'
import { responseObject } from '../api/responseShapes'

/** The sheets of the org workbook (template, import, export), in this order. */
export const orgSheets = { units: '单位', users: '人员', guide: '填写说明' } as const
export type OrgSheet = typeof orgSheets.units | typeof orgSheets.users

export const orgUnitColumns = ['单位名称', '上级单位', '类型'] as const
export const orgUserColumns = ['姓名', '手机号', '角色', '所属单位', '职务级别'] as const

/** The template's example rows: uploaded unchanged they are refused, so they never become real units. */
export const orgExampleUnitRow = ['示例社区（请删除本行）', '', '社区/村'] as const
export const orgExampleUserRow = [
  '张三（示例，请删除本行）',
  '13800000000',
  '干部/网格员',
  '示例社区（请删除本行）',
  '干部',
] as const

/** Staff roles an import may create; residents sign themselves up. */
export const importableRoles = [
  'staff',
  'handler',
  'leader',
  'operator',
  'admin',
] as const satisfies readonly Role[]

/** The words an admin may write for a role: the label shown everywhere, its parts, or the code. */
const roleWords = new Map<string, Role>()
for (const role of importableRoles) {
  roleWords.set(role, role)
  roleWords.set(roleLabels[role], role)
  for (const part of roleLabels[role].split(/[/（）()]/)) if (part) roleWords.set(part, role)
}
for (const [word, role] of [
  ['网格员', 'staff'],
  ['干部', 'staff'],
  ['受理员', 'operator'],
] as const)
  roleWords.set(word, role)

const levelWords = new Map<string, UnitLevel>()
for (const level of unitLevels) {
  levelWords.set(level, level)
  levelWords.set(unitLevelLabels[level], level)
  for (const part of unitLevelLabels[level].split('/')) levelWords.set(part, level)
}
for (const [word, level] of [
  ['区', 'district'],
  ['县', 'district'],
  ['部门', 'department'],
  ['股室', 'department'],
] as const)
  levelWords.set(word, level)

const positionWords = new Map<string, PositionLevel>()
for (const position of positionLevels) {
  positionWords.set(position, position)
  positionWords.set(positionLevelLabels[position], position)
}

const roleChoices = importableRoles.map((role) => roleLabels[role]).join('、')
const levelChoices = unitLevels.map((level) => unitLevelLabels[level]).join('、')
const positionChoices = positionLevels.map((position) => positionLevelLabels[position]).join('、')

const cell = z.string().trim()
/** A unit reference: empty (the unit chosen for the import), a name, or a path 甲/乙/丙. */
const unitReference = cell.max(300, { message: '不能超过300个字' })

/** One row of the 单位 sheet, keyed by its Chinese headers. */
export const orgUnitRowSchema = z.object({
  单位名称: cell
    .min(1, { message: '单位名称为空' })
    .max(100, { message: '单位名称不能超过100个字' })
    .refine((name) => !name.includes('/'), { message: '单位名称不能包含“/”（“/”用来分隔上级路径）' }),
  上级单位: unitReference.default(''),
  类型: cell.min(1, { message: `类型为空（可填：${levelChoices}）` }).transform((value, context) => {
    const level = levelWords.get(value)
    if (!level)
      context.addIssue({ code: 'custom', message: `类型「${value}」不存在（可填：${levelChoices}）` })
    return level ?? 'department'
  }),
})
export type OrgUnitRow = z.output<typeof orgUnitRowSchema>

/** One row of the 人员 sheet. No password column: imported staff get a one-time password. */
export const orgUserRowSchema = z.object({
  姓名: cell.min(1, { message: '姓名为空' }).max(50, { message: '姓名不能超过50个字' }),
  手机号: cell.min(1, { message: '手机号为空' }).regex(/^1[3-9]\d{9}$/, {
    message: '手机号应为11位手机号码',
  }),
  角色: cell.min(1, { message: `角色为空（可填：${roleChoices}）` }).transform((value, context) => {
    const role = roleWords.get(value)
    if (!role) context.addIssue({ code: 'custom', message: `角色「${value}」不存在（可填：${roleChoices}）` })
    return role ?? 'staff'
  }),
  所属单位: unitReference.default(''),
  职务级别: cell.default('').transform((value, context) => {
    if (!value) return null
    const position = positionWords.get(value)
    if (!position)
      context.addIssue({ code: 'custom', message: `职务级别「${value}」不存在（可填：${positionChoices}）` })
    return position ?? null
  }),
})
export type OrgUserRow = z.output<typeof orgUserRowSchema>

export const orgImportQuerySchema = z.object({
  /** The unit the imported units hang under (and whose tenant they join). */
  parentId: objectIdSchema,
  dryRun: z.enum(['true', 'false']).default('false'),
})

export const orgExportQuerySchema = z.object({ unitId: objectIdSchema })

const rowErrorSchema = responseObject({
  sheet: z.enum([orgSheets.units, orgSheets.users]),
  row: z.number().int().min(1),
  issues: z.array(responseObject({ field: z.string(), message: z.string() })),
})
export type OrgRowError = z.output<typeof rowErrorSchema>

/** How one imported person logs in the first time (handed over in person, never logged). */
const activationSchema = responseObject({
  userId: z.string(),
  name: z.string(),
  phone: z.string(),
  unit: z.string(),
  role: z.string(),
  /** Valid only to choose a new password: logging in with it answers PASSWORD_CHANGE_REQUIRED. */
  temporaryPassword: z.string(),
})
export type OrgActivation = z.output<typeof activationSchema>

/** POST /imports/org: the counts (what dryRun would import), every bad row, and how new staff log in. */
export const orgImportResponseSchema = responseObject({
  dryRun: z.boolean(),
  imported: responseObject({ units: z.number().int().min(0), users: z.number().int().min(0) }),
  errors: z.array(rowErrorSchema),
  activations: z.array(activationSchema),
})
export type OrgImportResponse = z.output<typeof orgImportResponseSchema>

/** One export of the staff list (names and full phones), for PIPL accountability. */
export const orgExportViewSchema = responseObject({
  id: z.string(),
  viewerId: z.string(),
  viewerRole: z.string(),
  unitId: z.string(),
  people: z.number().int().min(0),
  at: z.string(),
})
export const orgExportViewListSchema = responseObject({
  items: z.array(orgExportViewSchema),
  total: z.number().int(),
})
