import { tenantCategoryCode } from '@minqing/shared'
import { recordConfigChange } from '../audit/recordConfigChange'
import type { Viewer } from '../http/defineRoute'
import type { AppDeps } from '../http/deps'
import { tenantLabel } from '../tenants/tenantById'
import { CategoryModel } from './category.model'
import { categoryIssue } from './categoryIssues'
import { presentCategory } from './presentCategory'

export interface NewCategory {
  code: string
  name: string
  parentCode: string | null
  order: number
}

const maxCodeLength = 64

/**
 * Adds a category. A city-level admin adds to the city tree (the code as given: the parent's
 * code, a dot, its own part). A district admin adds their district's own, under a city parent,
 * one of their own, or at the top; the server makes the code (shared/categories/effective.ts)
 * from the part they give (`opera`, or `culture.opera` under `culture`).
 */
export async function createCategory(deps: AppDeps, viewer: Viewer, input: NewCategory) {
  const parent = input.parentCode
    ? await CategoryModel.findOne({ code: input.parentCode }, { code: 1, tenantId: 1 }).lean()
    : null
  const parentTenant = parent?.tenantId ? String(parent.tenantId) : null
  // Another district's category does not exist for this admin; a city admin keeps the city
  // tree free of branches that only one district would see.
  const foreignParent = parentTenant !== null && parentTenant !== (viewer.tenantId ?? null)
  if (input.parentCode && (!parent || foreignParent))
    throw categoryIssue('parentCode', 'not_found', '上级分类不存在 / Parent not found')
  const code = viewer.tenantId
    ? await districtCode(viewer.tenantId, input, parent && { code: parent.code, tenantId: parentTenant })
    : input.code
  if (!viewer.tenantId && input.parentCode && !code.startsWith(`${input.parentCode}.`))
    throw categoryIssue(
      'code',
      'prefix',
      `编码须以「${input.parentCode}.」开头 / Code must start with "${input.parentCode}."`,
    )
  const created = await CategoryModel.create({
    code,
    name: input.name,
    parentCode: input.parentCode,
    order: input.order,
    tenantId: viewer.tenantId ?? null,
  })
  await recordConfigChange(deps, viewer, {
    entityType: 'category',
    entityId: created.code,
    action: 'create',
    after: created,
  })
  return presentCategory(created)
}

async function districtCode(
  tenantId: string,
  input: NewCategory,
  parent: { code: string; tenantId: string | null } | null,
): Promise<string> {
  const part =
    parent && input.code.startsWith(`${parent.code}.`) ? input.code.slice(parent.code.length + 1) : input.code
  if (part.includes('.'))
    throw categoryIssue(
      'code',
      'segment',
      '本区分类编码只填最后一段，如 opera / Give only the last part, e.g. opera',
    )
  const tenant = await tenantLabel(tenantId)
  if (!tenant) throw categoryIssue('code', 'tenant', '所在区县不存在 / Your district no longer exists')
  const code = tenantCategoryCode({ tenantCode: tenant.code, part, parent })
  if (code.length > maxCodeLength)
    throw categoryIssue('code', 'too_long', `编码过长（最多${maxCodeLength}个字符） / Code too long`)
  return code
}
