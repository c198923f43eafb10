import { caseKindLabels, type CaseKind } from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'

/** Phone numbers, ID numbers and house numbers a resident may have typed into the text. */
export function stripPersonalData(text: string): string {
  return text
    .replace(/1[3-9]\d{9}/g, '1**********')
    .replace(/\d{17}[\dXx]|\d{15}/g, '******************')
    .replace(/\d+\s*(号楼|号|栋|单元|室|组)/g, '**$1')
}

/** An echo-wall item: what was asked and what the unit answered, with nobody identifiable. */
export function presentEchoItem(
  record: CaseDocument,
  extra: {
    categoryName: string | null
    unitName: string | null
    reply: string | null
    resolvedAt: Date | null
  },
) {
  return {
    id: String(record._id),
    number: record.number,
    kind: record.kind,
    kindLabel: caseKindLabels[record.kind as CaseKind],
    categoryCode: record.categoryCode,
    categoryName: extra.categoryName,
    title: stripPersonalData(record.title),
    description: stripPersonalData(record.description),
    unitName: extra.unitName,
    reply: extra.reply ? stripPersonalData(extra.reply) : null,
    submittedAt: record.submittedAt.toISOString(),
    resolvedAt: extra.resolvedAt ? extra.resolvedAt.toISOString() : null,
    rating: record.rating?.value ?? null,
  }
}
