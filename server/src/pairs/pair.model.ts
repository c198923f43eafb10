import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/** 结对帮扶: a staff member follows one household; ended pairs stay for their history. */
const pairSchema = new Schema(
  {
    staffId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    household: {
      type: new Schema(
        { name: String, address: String, phone: { type: String, default: null }, tags: [String] },
        { _id: false },
      ),
      required: true,
    },
    householdKey: { type: String, required: true },
    revisitEveryDays: { type: Number, required: true },
    notes: { type: String, default: '' },
    pairedAt: { type: Date, required: true },
    endedAt: { type: Date, default: null },
    /** The due date the last reminder was sent for: one reminder per due date. */
    remindedFor: { type: String, default: null },
  },
  { timestamps: true },
)
pairSchema.index({ staffId: 1, householdKey: 1 }, { unique: true })

export type PairDocument = HydratedDocument<InferSchemaType<typeof pairSchema>>
export const PairModel = mongoose.model('Pair', pairSchema)
