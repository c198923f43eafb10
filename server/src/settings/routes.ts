import {
  calendarStatus,
  expectedAnswerBy,
  provisionalHolidays,
  timeLimitsSchema,
  urgencySchema,
} from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { calendarInputSchema } from './calendarInput'
import { refreshSettings } from './currentSettings'
import { HolidayCalendarModel, SettingModel } from './settings.model'
import { recordConfigChange } from '../audit/recordConfigChange'
// Response schemas (issue 12)
import {
  calendarSavedResponseSchema,
  calendarStatusResponseSchema,
  calendarYearResponseSchema,
  expectedAnswerResponseSchema,
  timeLimitsResponseSchema,
} from '@minqing/shared'

const yearParams = z.object({ year: z.coerce.number().int().min(2020).max(2100) })

export const settingsRoutes = [
  defineRoute({
    method: 'get',
    path: '/deadlines/expected',
    access: 'public',
    summary:
      'When a case submitted now would be answered at the latest, per urgency (shown before submitting)',
    query: z.object({ urgency: urgencySchema.default('general') }),
    response: expectedAnswerResponseSchema,
    handler: (ctx, { query }) => {
      const { clock, timeLimits, calendar } = ctx.deps
      return {
        urgency: query.urgency,
        expectedAnswerBy: expectedAnswerBy(clock.now(), query.urgency, timeLimits, calendar).toISOString(),
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/settings/time-limits',
    access: ['admin', 'leader'],
    summary: 'Time limits per urgency class, sign-for limit, warning share, rating window',
    response: timeLimitsResponseSchema,
    handler: (ctx) => ctx.deps.timeLimits,
  }),
  defineRoute({
    method: 'put',
    path: '/settings/time-limits',
    cityLevel: true,
    access: ['admin'],
    summary: 'Change the time limits (applies to deadlines computed from now on)',
    body: timeLimitsSchema,
    response: timeLimitsResponseSchema,
    handler: async (ctx, { body, viewer }) => {
      const before = structuredClone(ctx.deps.timeLimits)
      await SettingModel.updateOne(
        { _id: 'timeLimits' },
        { $set: { value: body, updatedBy: viewer.userId } },
        { upsert: true },
      )
      await refreshSettings(ctx.deps)
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'timeLimits',
        entityId: 'timeLimits',
        action: 'update',
        before,
        after: ctx.deps.timeLimits,
      })
      return ctx.deps.timeLimits
    },
  }),
  defineRoute({
    method: 'get',
    path: '/calendars/:year',
    access: ['admin', 'leader'],
    summary: "A year's holidays and make-up working days as used for deadlines",
    params: yearParams,
    response: calendarYearResponseSchema,
    handler: (ctx, { params }) => {
      const inYear = (date: string) => date.startsWith(`${params.year}-`)
      const { confirmedYears } = ctx.deps.calendar
      if (confirmedYears && !confirmedYears.includes(params.year)) {
        // Not confirmed: what deadlines use meanwhile (weekends + fixed-date statutory holidays).
        return {
          year: params.year,
          confirmed: false,
          holidays: provisionalHolidays(params.year),
          workdays: [],
        }
      }
      return {
        year: params.year,
        confirmed: true,
        holidays: ctx.deps.calendar.holidays.filter(inYear).sort(),
        workdays: ctx.deps.calendar.workdays.filter(inYear).sort(),
      }
    },
  }),
  defineRoute({
    method: 'put',
    path: '/calendars/:year',
    cityLevel: true,
    access: ['admin'],
    summary: "Set a year's official arrangement (放假 and 调休上班 dates)",
    params: yearParams,
    response: calendarSavedResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      const body = calendarInputSchema(params.year).parse(ctx.request.body ?? {})
      const before = await HolidayCalendarModel.findById(params.year).lean()
      await HolidayCalendarModel.updateOne({ _id: params.year }, { $set: body }, { upsert: true })
      await refreshSettings(ctx.deps)
      await recordConfigChange(ctx.deps, viewer, {
        entityType: 'calendar',
        entityId: String(params.year),
        action: before ? 'update' : 'create',
        before,
        after: { year: params.year, ...body },
      })
      return { year: params.year, ...body }
    },
  }),
  // figures (issue #14): which years are confirmed, the missing-year warning, removing a year
  defineRoute({
    method: 'get',
    path: '/calendars',
    access: ['admin', 'leader'],
    summary:
      "Which years have a confirmed holiday calendar, and the warning shown from 1 November when next year's is missing",
    response: calendarStatusResponseSchema,
    handler: (ctx) => calendarStatus(ctx.deps.calendar, ctx.deps.clock.now()),
  }),
  defineRoute({
    method: 'delete',
    path: '/calendars/:year',
    cityLevel: true,
    access: ['admin'],
    summary:
      "Remove a year's admin-entered arrangement (the year falls back to the shipped or provisional calendar)",
    params: yearParams,
    response: calendarStatusResponseSchema,
    handler: async (ctx, { params, viewer }) => {
      const before = await HolidayCalendarModel.findById(params.year).lean()
      await HolidayCalendarModel.deleteOne({ _id: params.year })
      await refreshSettings(ctx.deps)
      if (before)
        await recordConfigChange(ctx.deps, viewer, {
          entityType: 'calendar',
          entityId: String(params.year),
          action: 'delete',
          before,
        })
      return calendarStatus(ctx.deps.calendar, ctx.deps.clock.now())
    },
  }),
]
