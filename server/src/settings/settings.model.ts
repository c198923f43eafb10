import mongoose, { Schema } from 'mongoose'

/** Admin-edited configuration documents, one per key (e.g. "timeLimits"). */
export const SettingModel = mongoose.model(
  'Setting',
  new Schema(
    { _id: String, value: Schema.Types.Mixed, updatedBy: Schema.Types.ObjectId },
    { timestamps: true, collection: 'settings' },
  ),
)

/** One official arrangement per year (holidays and make-up working days), kept by admins. */
export const HolidayCalendarModel = mongoose.model(
  'HolidayCalendar',
  new Schema(
    { _id: Number, holidays: [String], workdays: [String] },
    { timestamps: true, collection: 'holiday_calendars' },
  ),
)
