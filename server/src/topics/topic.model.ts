import { topicKinds } from '@minqing/shared'
import mongoose, { Schema } from 'mongoose'

const topicSchema = new Schema(
  {
    kind: { type: String, enum: topicKinds, required: true },
    title: { type: String, required: true },
    question: { type: String, required: true },
    opensOn: { type: String, required: true },
    closesOn: { type: String, required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** The district that asks (its admins open and moderate it); null = the default tenant. */
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
  },
  { timestamps: true },
)
export const TopicModel = mongoose.model('Topic', topicSchema)

/** A resident's suggestion under a topic; adopted ones became a case. */
const suggestionSchema = new Schema(
  {
    topicId: { type: Schema.Types.ObjectId, ref: 'Topic', required: true },
    authorId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    text: { type: String, required: true },
    supports: { type: Number, default: 0 },
    reports: { type: Number, default: 0 },
    hidden: { type: Boolean, default: false },
    decision: { type: String, enum: ['show', 'hide', null], default: null },
    adoptedCaseId: { type: Schema.Types.ObjectId, ref: 'Case', default: null },
  },
  { timestamps: true },
)
suggestionSchema.index({ topicId: 1, supports: -1 })
export const SuggestionModel = mongoose.model('Suggestion', suggestionSchema)

/** 点赞 and reports: one per resident and suggestion (the unique index decides double taps). */
const reactionSchema = new Schema(
  {
    suggestionId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: ['support', 'report'], required: true },
    reason: { type: String, default: null },
  },
  { timestamps: true },
)
reactionSchema.index({ suggestionId: 1, userId: 1, kind: 1 }, { unique: true })
export const SuggestionReactionModel = mongoose.model('SuggestionReaction', reactionSchema)
