import { caseKinds, caseSources, caseStatuses, coordinateSystems, ratings, urgencies } from '@minqing/shared'
import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

const caseSchema = new Schema(
  {
    /** Human-facing number, e.g. MQ20260302-0007. */
    number: { type: String, required: true },
    clientId: { type: String, required: true },
    /** When the case was received, by the app's clock (createdAt is the database write time). */
    submittedAt: { type: Date, required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    source: { type: String, enum: caseSources, required: true },
    /** The visit or reception record the case was raised on (source visit / reception). */
    originId: { type: Schema.Types.ObjectId, default: null },
    kind: { type: String, enum: caseKinds, required: true },
    categoryCode: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    urgency: { type: String, enum: urgencies, required: true },
    location: {
      type: new Schema(
        {
          lat: Number,
          lng: Number,
          address: String,
          // Older cases have none: they were located by the mini-program in GCJ-02.
          coordSystem: { type: String, enum: coordinateSystems, default: 'gcj02' },
        },
        { _id: false },
      ),
      default: null,
    },
    /** The grid (网格) whose area contains the location, if any: grid workers follow their grid. */
    gridId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    photos: { type: [Schema.Types.ObjectId], default: [] },
    contactPhone: { type: String, default: null },
    anonymous: { type: Boolean, default: false },
    publicConsent: { type: Boolean, default: false },

    status: { type: String, enum: caseStatuses, required: true },
    /** The unit responsible now (lead unit, 主办); null while in the dispatch centre queue. */
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    /** The district the case belongs to (tenants/): from the resident's link, its place or its unit. */
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
    /** 首问责任: the first unit that received it stays on record and sees the outcome. */
    firstReceiverUnitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    /** When the unit now holding the case received it (dispatch or transfer): time to accept runs from here. */
    unitReceivedAt: { type: Date, default: null },
    /** Every unit that has held the case, for their "handled" views and counts. */
    involvedUnitIds: { type: [Schema.Types.ObjectId], default: [] },
    routing: {
      type: new Schema(
        {
          kind: String,
          unitId: Schema.Types.ObjectId,
          ruleId: Schema.Types.ObjectId,
          reason: String,
          decidedAt: Date,
        },
        { _id: false },
      ),
      required: true,
    },
    deadlines: {
      type: new Schema(
        {
          expectedAnswerBy: Date,
          clockStartedAt: Date,
          acceptBy: Date,
          answerBy: Date,
          ratingBy: Date,
          /** The deadline that runs now (sign-for or answer); null when nothing is due. */
          dueAt: Date,
        },
        { _id: false },
      ),
      required: true,
    },
    transferCount: { type: Number, default: 0 },
    returnCount: { type: Number, default: 0 },
    reopenCount: { type: Number, default: 0 },
    supervisionFlag: { type: Boolean, default: false },
    /**
     * The deadline watch: each step is recorded with the deadline it was for, so it happens once
     * per deadline (a new deadline after a reopen or an extension starts the watch again).
     */
    supervision: {
      type: new Schema(
        {
          warnedFor: Date,
          overdueFor: Date,
          chasedFor: Date,
          chasedAt: Date,
          escalatedFor: Date,
          /** 挂牌督办 while flagged; null when not. */
          flag: {
            type: new Schema(
              { level: String, reportBy: Date, reason: String, by: Schema.Types.ObjectId, at: Date },
              { _id: false },
            ),
            default: null,
          },
          lastOutcome: {
            type: new Schema(
              { level: String, outcome: String, by: Schema.Types.ObjectId, at: Date },
              { _id: false },
            ),
            default: null,
          },
        },
        { _id: false },
      ),
      default: () => ({}),
    },
    rating: {
      type: new Schema({ value: { type: String, enum: ratings }, comment: String, at: Date }, { _id: false }),
      default: null,
    },
    /** 包案: the leader who took personal ownership of the case, and since when. */
    ownerLeaderId: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    ownedAt: { type: Date, default: null },
    /** 协办 units: they see the case in their inbox and add their part; the lead unit answers. */
    coUnitIds: { type: [Schema.Types.ObjectId], default: [] },
    /** The latest dispatch objection (派单异议) and its ruling. */
    objection: {
      type: new Schema(
        {
          unitId: Schema.Types.ObjectId,
          reason: String,
          at: Date,
          status: { type: String, enum: ['pending', 'upheld', 'redispatched'] },
        },
        { _id: false },
      ),
      default: null,
    },
    /** The latest extension request (延期) and its decision. */
    extension: {
      type: new Schema(
        {
          workingDays: Number,
          reason: String,
          requestedAt: Date,
          status: { type: String, enum: ['pending', 'approved', 'refused'] },
        },
        { _id: false },
      ),
      default: null,
    },
    acceptedAt: { type: Date, default: null },
    resolvedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    closedReason: { type: String, enum: ['rated', 'noRating', 'byStaff', 'merged', null], default: null },
    /** When retention removed the personal data (RETENTION_DAYS after closing); null until then. */
    anonymisedAt: { type: Date, default: null },
    /** Residents who follow this case besides its author (merged duplicates, "me too"). */
    followers: { type: [Schema.Types.ObjectId], default: [] },
    /** Set when this case was merged (并单) into another. */
    mergedInto: { type: Schema.Types.ObjectId, ref: 'Case', default: null },
    /**
     * Sequence number of the last event, so events are numbered without a transaction; every
     * update is conditional on it (optimistic concurrency — there is no separate version field).
     */
    eventSeq: { type: Number, default: 0 },
  },
  { timestamps: true },
)
caseSchema.index({ createdBy: 1, clientId: 1 }, { unique: true })
caseSchema.index({ number: 1 }, { unique: true })
caseSchema.index({ unitId: 1, status: 1, 'deadlines.dueAt': 1 })
caseSchema.index({ involvedUnitIds: 1 })
caseSchema.index({ createdBy: 1, createdAt: -1 })
caseSchema.index({ followers: 1 })
caseSchema.index({ categoryCode: 1, submittedAt: -1 })
caseSchema.index({ status: 1, createdAt: -1 })
// A unit's 协办 inbox (equalities per status, see inboxFilters): its own GIN index on FerretDB.
caseSchema.index({ coUnitIds: 1, status: 1 })

export type CaseRecord = InferSchemaType<typeof caseSchema>
export type CaseDocument = HydratedDocument<CaseRecord>
export const CaseModel = mongoose.model('Case', caseSchema)
