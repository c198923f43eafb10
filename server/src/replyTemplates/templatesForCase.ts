import { caseSettings } from '../settings/currentSettings'
import { fillTemplate, type ReplyTemplateAction } from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'
import type { AppDeps } from '../http/deps'
import { tenantOf } from '../tenants/tenantScope'
import { placeholderValues } from './caseValues'
import { allReplyTemplates, type ReplyTemplateDocument } from './replyTemplate.model'

/**
 * How closely a template's category fits a case's: its own category (2), a parent of it (1),
 * every category (0); another category does not apply (-1).
 */
export function categoryFit(templateCategory: string | null | undefined, caseCategory: string): number {
  if (!templateCategory) return 0
  if (templateCategory === caseCategory) return 2
  return caseCategory.startsWith(`${templateCategory}.`) ? 1 : -1
}

/**
 * The enabled templates of the case's district (tenant) that apply to its category and action,
 * the closest category first: one district's wording never answers another's residents.
 */
export async function applicableTemplates(
  record: { categoryCode: string; tenantId?: unknown },
  action: ReplyTemplateAction,
): Promise<ReplyTemplateDocument[]> {
  const { categoryCode } = record
  const tenant = tenantOf(record as { tenantId?: null })
  return (await allReplyTemplates.get())
    .filter(
      (row) =>
        row.enabled &&
        row.action === action &&
        tenantOf(row) === tenant &&
        categoryFit(row.categoryCode, categoryCode) >= 0,
    )
    .sort(
      (a, b) =>
        categoryFit(b.categoryCode, categoryCode) - categoryFit(a.categoryCode, categoryCode) ||
        String(a._id).localeCompare(String(b._id)),
    )
}

/** The templates of one action, filled for this case: what the handler's action sheet offers. */
export async function templatesForCase(deps: AppDeps, record: CaseDocument, action: ReplyTemplateAction) {
  const templates = await applicableTemplates(record, action)
  if (!templates.length) return { items: [] }
  const values = await placeholderValues(record, caseSettings(deps, record).limits)
  return {
    items: templates.map((row) => ({
      id: String(row._id),
      title: row.title,
      categoryCode: row.categoryCode ?? null,
      text: fillTemplate(row.body, values),
    })),
  }
}
