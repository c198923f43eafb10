import { caseKindLabels, type CaseKind } from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'

/** The stripped copy stored for the item (echoTexts.ts): what the wall shows and searches. */
export interface EchoText {
  title: string
  description: string
  reply?: string | null
}

/** An echo-wall item: what was asked and what the unit answered, with nobody identifiable. */
export function presentEchoItem(
  record: CaseDocument,
  extra: {
    text: EchoText
    categoryName: string | null
    unitName: string | null
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
    title: extra.text.title,
    description: extra.text.description,
    unitName: extra.unitName,
    reply: extra.text.reply ?? null,
    submittedAt: record.submittedAt.toISOString(),
    resolvedAt: extra.resolvedAt ? extra.resolvedAt.toISOString() : null,
    rating: record.rating?.value ?? null,
  }
}
