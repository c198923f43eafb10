import { contactPointKinds, contactTargetTypes } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/** A unit's 联系点 or 帮扶共建 partner, with its responsible leader. */
const contactPointSchema = new Schema(
  {
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', required: true },
    kind: { type: String, enum: contactPointKinds, required: true },
    targetType: { type: String, enum: contactTargetTypes, required: true },
    name: { type: String, required: true },
    leaderId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    since: { type: String, required: true },
    notes: { type: String, default: '' },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
)
contactPointSchema.index({ unitId: 1, kind: 1, name: 1 }, { unique: true })

export type ContactPointDocument = HydratedDocument<InferSchemaType<typeof contactPointSchema>>
export const ContactPointModel = mongoose.model('ContactPoint', contactPointSchema)

/** One entry of a contact point's activity log (调研, 走访, 共建活动…). */
const contactActivitySchema = new Schema(
  {
    contactPointId: { type: Schema.Types.ObjectId, ref: 'ContactPoint', required: true },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', required: true },
    clientId: { type: String, required: true },
    by: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    heldOn: { type: String, required: true },
    summary: { type: String, required: true },
  },
  { timestamps: true },
)
// A retried save finds the first entry (idempotent).
contactActivitySchema.index({ by: 1, clientId: 1 }, { unique: true })
contactActivitySchema.index({ contactPointId: 1, heldOn: -1 })

export type ContactActivityDocument = HydratedDocument<InferSchemaType<typeof contactActivitySchema>>
export const ContactActivityModel = mongoose.model('ContactActivity', contactActivitySchema)
