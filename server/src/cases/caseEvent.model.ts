import { caseStatuses, roles } from '@minqing/shared'
import mongoose, { Schema, type InferSchemaType } from 'mongoose'
import { appendOnly } from '../db/appendOnly'

/**
 * The append-only history of a case: who, in which role and unit, when, what (action and
 * from → to), why, with what attachments. Nothing in the code updates or deletes events; the
 * hooks below make an accidental attempt fail loudly.
 */
const caseEventSchema = new Schema({
  caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
  seq: { type: Number, required: true },
  action: { type: String, required: true },
  from: { type: String, enum: [...caseStatuses, null], default: null },
  to: { type: String, enum: caseStatuses, required: true },
  actor: {
    type: new Schema(
      {
        userId: Schema.Types.ObjectId,
        role: { type: String, enum: [...roles, 'system'] },
        unitId: Schema.Types.ObjectId,
      },
      { _id: false },
    ),
    required: true,
  },
  at: { type: Date, required: true },
  reason: { type: String, default: null },
  message: { type: String, default: null },
  /** false for internal notes, which residents never see. */
  public: { type: Boolean, default: true },
  attachments: { type: [Schema.Types.ObjectId], default: [] },
  data: { type: Schema.Types.Mixed, default: null },
  /**
   * Set on events whose rollups and notifications a background step writes (cases/eventOutbox.ts):
   * the five-minute slot of real time the event was stored in.
   */
  outboxSlot: { type: Number },
})
caseEventSchema.index({ caseId: 1, seq: 1 }, { unique: true })
caseEventSchema.index({ outboxSlot: 1 })

appendOnly(caseEventSchema, 'case events')

export type CaseEventRecord = InferSchemaType<typeof caseEventSchema>
export const CaseEventModel = mongoose.model('CaseEvent', caseEventSchema)
