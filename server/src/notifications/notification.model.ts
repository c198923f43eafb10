import mongoose, { Schema } from 'mongoose'

/** The in-app inbox: one row per person per event that concerns them. */
const notificationSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    /** The case it is about; null for reminders that are not about a case (pair revisits). */
    caseId: { type: Schema.Types.ObjectId, ref: 'Case', default: null },
    caseNumber: { type: String, default: '' },
    /** The page to open for notifications without a case. */
    url: { type: String, default: null },
    action: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, default: '' },
    read: { type: Boolean, default: false },
  },
  { timestamps: true },
)
notificationSchema.index({ userId: 1, read: 1, createdAt: -1 })

export const NotificationModel = mongoose.model('Notification', notificationSchema)
