import mongoose, { Schema } from 'mongoose'

/** The in-app inbox: one row per person per event that concerns them. */
const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    caseId: { type: Schema.Types.ObjectId, ref: 'Case', required: true },
    caseNumber: { type: String, required: true },
    action: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, default: '' },
    read: { type: Boolean, default: false },
  },
  { timestamps: true },
)
notificationSchema.index({ userId: 1, read: 1, createdAt: -1 })

export const NotificationModel = mongoose.model('Notification', notificationSchema)
