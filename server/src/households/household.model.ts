import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'

/**
 * 民情档案: one household followed over time. The phone is personal data: lists mask it, only the
 * audited contact route answers it, and `phoneHash` (keyed HMAC) is what repeat concerns match on.
 */
const householdSchema = new Schema(
  {
    headName: { type: String, required: true },
    address: { type: String, required: true },
    /** name + address, normalised (shared `householdKey`): how visits and pairs without a link match. */
    householdKey: { type: String, required: true },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    gridId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    location: {
      type: new Schema({ lat: Number, lng: Number, address: String }, { _id: false }),
      default: null,
    },
    phone: { type: String, default: null },
    phoneHash: { type: String, default: null },
    members: {
      type: [
        new Schema(
          { name: String, relation: String, ageBand: String, tags: { type: [String], default: [] } },
          { _id: false },
        ),
      ],
      default: [],
    },
    tags: { type: [String], default: [] },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
)
// One record per household within a unit: a second staff member finds it instead of doubling it.
householdSchema.index({ unitId: 1, householdKey: 1 }, { unique: true })
householdSchema.index({ gridId: 1 })
householdSchema.index({ phoneHash: 1 })

export type HouseholdDocument = HydratedDocument<InferSchemaType<typeof householdSchema>>
export const HouseholdModel = mongoose.model('Household', householdSchema)

/** Who revealed a household's contact, when (never the values): the household twin of ContactView. */
const householdContactViewSchema = new Schema({
  viewerId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  viewerRole: { type: String, required: true },
  viewerUnitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
  householdId: { type: Schema.Types.ObjectId, ref: 'Household', required: true },
  fields: { type: [String], default: [] },
  at: { type: Date, required: true },
})
householdContactViewSchema.index({ householdId: 1, at: -1 })

export const HouseholdContactViewModel = mongoose.model('HouseholdContactView', householdContactViewSchema)
