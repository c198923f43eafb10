import { replyTemplateActions } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'
import { clearOnWrite, memoryCache } from '../db/memoryCache'

/**
 * A reply template (答复模板): text with {placeholders}, for one action and a category (a parent
 * category serves its children; null serves every category). Admins edit them.
 */
const replyTemplateSchema = new Schema(
  {
    /** The district whose admins keep it (tenants/); null = the default tenant. */
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
    categoryCode: { type: String, default: null },
    action: { type: String, enum: replyTemplateActions, required: true },
    title: { type: String, required: true, maxlength: 40 },
    body: { type: String, required: true, maxlength: 1000 },
    enabled: { type: Boolean, default: true },
    /** The shipped default this row was seeded from (stable key), null for an admin's own. */
    seedKey: { type: String, default: null },
  },
  { timestamps: true },
)

export type ReplyTemplateDocument = HydratedDocument<InferSchemaType<typeof replyTemplateSchema>>

/**
 * Every template, held in memory: a handler's action sheet asks for them on each open, and the
 * table holds tens of rows, so one read per 30 s beats a filtered scan per request on FerretDB.
 */
export const allReplyTemplates = memoryCache(() =>
  ReplyTemplateModel.find({}).sort({ action: 1, categoryCode: 1, _id: 1 }),
)
clearOnWrite(replyTemplateSchema, allReplyTemplates)

export const ReplyTemplateModel = mongoose.model('ReplyTemplate', replyTemplateSchema)

export const presentReplyTemplate = (row: ReplyTemplateDocument) => ({
  id: String(row._id),
  categoryCode: row.categoryCode ?? null,
  action: row.action,
  title: row.title,
  body: row.body,
  enabled: row.enabled,
})
