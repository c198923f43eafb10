import { expectedAnswerBy, timeLimitsSchema, urgencySchema } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { tenantIdByCode } from '../tenants/tenantByCode'
import { calendarInputSchema } from './calendarInput'
import { settingsFor } from './currentSettings'
import {
  presentCalendarStatus,
  presentCalendarYear,
  removeCalendarYear,
  saveCalendarYear,
} from './saveCalendarYear'
import { presentTimeLimits, resetTimeLimits, saveTimeLimits } from './saveTimeLimits'
import { settingsTenant, settingsTenantQuery } from './settingsTenant'
// Response schemas (issue 12)
import {
  calendarSavedResponseSchema,
  calendarStatusResponseSchema,
  calendarYearResponseSchema,
  expectedAnswerResponseSchema,
  timeLimitsResponseSchema,
} from '@minqing/shared'

const yearParams = z.object({ year: z.coerce.number().int().min(2020).max(2100) })

// Time limits and calendars per district (issue 16): the city's are the default; a district's
// admin sets their own and resets them; a city-level admin edits a district's with ?tenant=.
export const settingsRoutes = [
  defineRoute({
    method: 'get',
    path: '/deadlines/expected',
    access: 'public',
    summary:
      'When a case submitted now would be answered at the latest, per urgency (shown before submitting); ?tenant= as the resident’s link names it',
    query: settingsTenantQuery.extend({ urgency: urgencySchema.default('general') }),
    response: expectedAnswerResponseSchema,
    handler: async (ctx, { query }) => {
      const { timeLimits, calendar } = settingsFor(ctx.deps, await tenantIdByCode(query.tenant))
      return {
        urgency: query.urgency,
        expectedAnswerBy: expectedAnswerBy(
          ctx.deps.clock.now(),
          query.urgency,
          timeLimits,
          calendar,
        ).toISOString(),
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/settings/time-limits',
    access: ['admin', 'leader'],
    summary:
      'Time limits per urgency class, sign-for limit, warning share, rating window: the district’s own or the city’s (source)',
    query: settingsTenantQuery,
    response: timeLimitsResponseSchema,
    handler: async (ctx, { query, viewer }) =>
      presentTimeLimits(ctx.deps, await settingsTenant(viewer, query.tenant)),
  }),
  defineRoute({
    method: 'put',
    path: '/settings/time-limits',
    access: ['admin'],
    summary:
      'Change the time limits of the city, or of the admin’s district (applies to deadlines computed from now on)',
    query: settingsTenantQuery,
    body: timeLimitsSchema,
    response: timeLimitsResponseSchema,
    handler: async (ctx, { body, query, viewer }) =>
      saveTimeLimits(ctx.deps, viewer, await settingsTenant(viewer, query.tenant), body),
  }),
  defineRoute({
    method: 'delete',
    path: '/settings/time-limits',
    access: ['admin'],
    summary:
      "Restore the city's time limits in a district (the city's own fall back to the shipped defaults)",
    query: settingsTenantQuery,
    response: timeLimitsResponseSchema,
    handler: async (ctx, { query, viewer }) =>
      resetTimeLimits(ctx.deps, viewer, await settingsTenant(viewer, query.tenant)),
  }),
  defineRoute({
    method: 'get',
    path: '/calendars/:year',
    access: ['admin', 'leader'],
    summary: "A year's holidays and make-up working days as the district's deadlines use them (source)",
    params: yearParams,
    query: settingsTenantQuery,
    response: calendarYearResponseSchema,
    handler: async (ctx, { params, query, viewer }) =>
      presentCalendarYear(ctx.deps, await settingsTenant(viewer, query.tenant), params.year),
  }),
  defineRoute({
    method: 'put',
    path: '/calendars/:year',
    access: ['admin'],
    summary: "Set a year's arrangement (放假 and 调休上班 dates) for the city, or the admin's district only",
    params: yearParams,
    query: settingsTenantQuery,
    response: calendarSavedResponseSchema,
    handler: async (ctx, { params, query, viewer }) => {
      const tenantId = await settingsTenant(viewer, query.tenant)
      const body = calendarInputSchema(params.year).parse(ctx.request.body ?? {})
      return saveCalendarYear(ctx.deps, viewer, tenantId, params.year, body)
    },
  }),
  // figures (issue #14): which years are confirmed, the missing-year warning, removing a year
  defineRoute({
    method: 'get',
    path: '/calendars',
    access: ['admin', 'leader'],
    summary:
      "Which years have a confirmed holiday calendar (and which are the district's own), and the warning shown from 1 November when next year's is missing",
    query: settingsTenantQuery,
    response: calendarStatusResponseSchema,
    handler: async (ctx, { query, viewer }) =>
      presentCalendarStatus(ctx.deps, await settingsTenant(viewer, query.tenant)),
  }),
  defineRoute({
    method: 'delete',
    path: '/calendars/:year',
    access: ['admin'],
    summary:
      "Remove a year's admin-entered arrangement (a district's year falls back to the city's, the city's to the shipped or provisional calendar)",
    params: yearParams,
    query: settingsTenantQuery,
    response: calendarStatusResponseSchema,
    handler: async (ctx, { params, query, viewer }) =>
      removeCalendarYear(ctx.deps, viewer, await settingsTenant(viewer, query.tenant), params.year),
  }),
]
