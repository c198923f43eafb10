import mongoose, { Schema } from 'mongoose'

/** 开门接访 duty: who receives the public for a unit on a day. One entry per (unit, day). */
const dutySchema = new Schema(
  {
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', required: true },
    date: { type: String, required: true },
    leaderId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    place: { type: String, default: '' },
    assignedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
  },
  { timestamps: true },
)
dutySchema.index({ unitId: 1, date: 1 }, { unique: true })
dutySchema.index({ leaderId: 1, date: 1 })
export const DutyModel = mongoose.model('Duty', dutySchema)

/** A reception record: who came, what they asked; each request became a case (source = reception). */
const receptionSchema = new Schema(
  {
    clientId: { type: String, required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    unitId: { type: Schema.Types.ObjectId, ref: 'Unit', default: null },
    receivedAt: { type: Date, required: true },
    visitor: {
      type: new Schema({ name: String, phone: String, address: String }, { _id: false }),
      required: true,
    },
    notes: { type: String, default: '' },
    requestCount: { type: Number, required: true },
    /** 当场解决: solved by the duty leader on the spot, what was done; counted as found and solved. */
    solvedOnSite: {
      type: [new Schema({ categoryCode: String, title: String, resolution: String }, { _id: false })],
      default: [],
    },
    caseIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: true },
)
receptionSchema.index({ createdBy: 1, clientId: 1 }, { unique: true })
receptionSchema.index({ unitId: 1, receivedAt: -1 })
export const ReceptionModel = mongoose.model('Reception', receptionSchema)
