import { positionLevelLabels, roleLabels, unitLevelLabels } from '@minqing/shared'

/** The audited fields as an admin calls them; an unknown field shows its own name. */
const fieldLabels: Record<string, string> = {
  name: '名称',
  role: '角色',
  phone: '手机号',
  unitId: '单位',
  unitIds: '参加单位',
  parentId: '上级单位',
  positionLevel: '职务层级',
  disabled: '状态',
  enabled: '是否启用',
  level: '层级',
  priority: '优先级',
  keywords: '关键词',
  categoryCodes: '分类',
  code: '编码',
  parentCode: '上级分类',
  startsOn: '开始日期',
  endsOn: '结束日期',
  topics: '主题',
  holidays: '放假日期',
  workdays: '调休上班日期',
  year: '年份',
  quotas: '指标',
}

/** Codes that have a Chinese label, per field. */
const valueLabels: Record<string, Record<string, string>> = {
  role: roleLabels,
  positionLevel: positionLevelLabels,
  level: unitLevelLabels,
}

/** A value as one short line of text (objects and lists as JSON, long text cut). */
function short(value: unknown): string {
  if (value === null || value === undefined) return '—'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** One field's value in words: labels for codes, names for unit ids, 停用/启用 for `disabled`. */
function describe(key: string, value: unknown, unitName: (id: string) => string | undefined): string {
  if (key === 'disabled' && typeof value === 'boolean') return value ? '停用' : '启用'
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'string' && valueLabels[key]?.[value]) return valueLabels[key][value]
  if (typeof value === 'string' && (key === 'unitId' || key === 'parentId')) return unitName(value) ?? value
  if (Array.isArray(value) && key === 'unitIds')
    return short(value.map((id) => (typeof id === 'string' ? (unitName(id) ?? id) : id)).join('、'))
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return short(value.join('、'))
  return short(value)
}

/**
 * What a configuration change changed, field by field ("名称：文旅局 → 文化和旅游局"), so an
 * admin reads the audit without comparing two JSON documents. A creation lists its fields.
 */
export function configDiff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  unitName: (id: string) => string | undefined = () => undefined,
): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (key) => key !== 'id' && key !== 'updatedAt' && key !== 'createdAt',
  )
  return keys
    .filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]))
    .map((key) => {
      const label = fieldLabels[key] ?? key
      const now = describe(key, after?.[key], unitName)
      return before ? `${label}：${describe(key, before[key], unitName)} → ${now}` : `${label}：${now}`
    })
}

const actionLabels: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  move: '移动',
  disable: '停用',
  enable: '启用',
  import: '导入',
}

/** The change's verb: an update that only switches an account or unit off or on reads 停用 / 启用. */
export function configAction(change: {
  action: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}): string {
  const changed = configDiff(change.before, change.after)
  if (change.action === 'update' && changed.length === 1 && typeof change.after?.disabled === 'boolean')
    if (change.before?.disabled !== change.after.disabled) return change.after.disabled ? '停用' : '启用'
  return actionLabels[change.action] ?? change.action
}
