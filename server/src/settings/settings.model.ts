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

/**
 * A district's own arrangement of one year (a local 调休 day), replacing the city's for that
 * tenant only. Its own collection: the city's documents keep `_id: year` as before tenants.
 * `_id` is `<tenantId>:<year>`, so a second save of the same year is the same document.
 */
export const TenantCalendarModel = mongoose.model(
  'TenantCalendar',
  new Schema(
    {
      _id: String,
      tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', required: true },
      year: { type: Number, required: true },
      holidays: [String],
      workdays: [String],
    },
    { timestamps: true, collection: 'tenant_holiday_calendars' },
  ),
)

export const tenantCalendarId = (tenantId: string, year: number) => `${tenantId}:${year}`
/** A district's own time limits live beside the city's (`timeLimits`) in the settings collection. */
export const timeLimitsSettingId = (tenantId: string | null) =>
  tenantId ? `timeLimits:${tenantId}` : 'timeLimits'
