import { rectificationSources, rectificationStatuses } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'
import { appendOnly } from '../db/appendOnly'

/**
 * 整改台账: a list (from a 巡察, 督查 or campaign review) and its tree 方面 → 项, kept flat (FerretDB v1
 * has no nested arrays); the 问题 are their own documents, so each changes on its own.
 */
const listSchema = new Schema(
  {
    title: { type: String, required: true },
    source: { type: String, enum: rectificationSources, required: true },
    /** Who created the list: they approve every 销号 and run the 回头看. */
    ownerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    aspects: { type: [new Schema({ no: Number, title: String }, { _id: false })], default: [] },
    items: {
      type: [new Schema({ no: Number, aspectNo: Number, title: String }, { _id: false })],
      default: [],
    },
  },
  { timestamps: true },
)
listSchema.index({ ownerId: 1, createdAt: -1 })
listSchema.index({ unitId: 1, createdAt: -1 })

export type RectificationListDocument = HydratedDocument<InferSchemaType<typeof listSchema>>
export const RectificationListModel = mongoose.model('RectificationList', listSchema)

const entry = { note: String, by: Schema.Types.ObjectId, at: Date }

const problemSchema = new Schema(
  {
    listId: { type: Schema.Types.ObjectId, ref: 'RectificationList', required: true },
    aspectNo: { type: Number, required: true },
    itemNo: { type: Number, required: true },
    no: { type: Number, required: true },
    description: { type: String, required: true },
    responsibleLeaderId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    leadUnitId: { type: Schema.Types.ObjectId, ref: 'Unit', required: true },
    measures: { type: String, required: true },
    target: { type: String, required: true },
    /** The deadline day (China time) and the instant it ends, for range queries (the board). */
    deadline: { type: String, required: true },
    dueAt: { type: Date, required: true },
    status: { type: String, enum: rectificationStatuses, required: true },
    progress: { type: [new Schema(entry, { _id: false })], default: [] },
    closure: {
      type: new Schema({ ...entry, evidence: [Schema.Types.ObjectId] }, { _id: false }),
      default: null,
    },
    approval: {
      type: new Schema(
        { approved: Boolean, reason: String, by: Schema.Types.ObjectId, at: Date },
        { _id: false },
      ),
      default: null,
    },
    recheck: {
      type: new Schema(
        { dueOn: String, result: String, note: String, by: Schema.Types.ObjectId, at: Date },
        { _id: false },
      ),
      default: null,
    },
    /** Sequence of the last event: every update is conditional on it (see commitProblemChange). */
    eventSeq: { type: Number, default: 0 },
  },
  { timestamps: true },
)
problemSchema.index({ listId: 1, no: 1 }, { unique: true })
problemSchema.index({ responsibleLeaderId: 1 })
problemSchema.index({ leadUnitId: 1 })
problemSchema.index({ status: 1, dueAt: 1 })

export type RectificationProblemDocument = HydratedDocument<InferSchemaType<typeof problemSchema>>
export const RectificationProblemModel = mongoose.model('RectificationProblem', problemSchema)

/** The append-only history of a problem, as case events are for cases: every state change is one. */
const eventSchema = new Schema({
  problemId: { type: Schema.Types.ObjectId, ref: 'RectificationProblem', required: true },
  listId: { type: Schema.Types.ObjectId, ref: 'RectificationList', required: true },
  seq: { type: Number, required: true },
  action: { type: String, required: true },
  from: { type: String, default: null },
  to: { type: String, required: true },
  actor: {
    type: new Schema(
      { userId: Schema.Types.ObjectId, role: String, unitId: Schema.Types.ObjectId },
      { _id: false },
    ),
    required: true,
  },
  at: { type: Date, required: true },
  note: { type: String, default: null },
  data: { type: Schema.Types.Mixed, default: null },
})
eventSchema.index({ problemId: 1, seq: 1 }, { unique: true })
eventSchema.index({ listId: 1, at: 1 })
appendOnly(eventSchema, 'rectification events')

export const RectificationEventModel = mongoose.model('RectificationEvent', eventSchema)
