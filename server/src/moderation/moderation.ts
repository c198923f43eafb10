import { z } from 'zod'
import mongoose, { Schema } from 'mongoose'

/**
 * Moderation of what residents publish (echo-wall items, topic suggestions), one rule for both:
 * an item is hidden after `hideAfterReports` reports until a moderator decides; a decision to
 * show keeps it up whatever reports follow; every decision is logged.
 */
export const reportReasons = ['spam', 'offensive', 'offTopic'] as const
export const hideAfterReports = 3

export const reportBodySchema = z.object({ reason: z.enum(reportReasons) })
export const decisionBodySchema = z.object({
  decision: z.enum(['show', 'hide']),
  note: z.string().trim().max(500).default(''),
})
export type ModerationDecision = z.infer<typeof decisionBodySchema>['decision']

/** Pure: whether an item with this many reports and this decision (if any) is hidden. */
export function isHidden(decision: ModerationDecision | null | undefined, reports: number): boolean {
  if (decision === 'show') return false
  return decision === 'hide' || reports >= hideAfterReports
}

const decisionSchema = new Schema(
  {
    /** What was decided on: an echo-wall case or a topic suggestion. */
    caseId: { type: Schema.Types.ObjectId, default: null },
    suggestionId: { type: Schema.Types.ObjectId, default: null },
    moderatorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    decision: { type: String, enum: ['show', 'hide'], required: true },
    note: { type: String, default: '' },
    at: { type: Date, required: true },
  },
  { collection: 'moderation_log' },
)
export const ModerationLogModel = mongoose.model('ModerationDecision', decisionSchema)

/** Writes a moderator's decision to the log (before the item's state changes). */
export async function logDecision(
  target: { caseId: string } | { suggestionId: string },
  moderatorId: string,
  body: z.infer<typeof decisionBodySchema>,
  at: Date,
): Promise<void> {
  await ModerationLogModel.create({ ...target, moderatorId, decision: body.decision, note: body.note, at })
}
