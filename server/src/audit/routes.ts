import { scopeFilter } from '../tenants/tenantScope'
import { configChangeListSchema, configChangeQuerySchema, objectIdSchema } from '@minqing/shared'
import type { FilterQuery } from 'mongoose'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { UserModel } from '../users/user.model'
import { ContactViewModel, type ContactViewDocument } from './contactView.model'
import { ConfigChangeModel, type ConfigChangeDocument } from './configChange.model'

type ConfigChangeRow = InstanceType<typeof ConfigChangeModel>

/** The unit a record names (a user's or a rule's unitId), from its after or before snapshot. */
const unitIdOf = (row: ConfigChangeRow) => {
  const pick = (snapshot: unknown) => (snapshot as { unitId?: unknown } | null)?.unitId
  const id = pick(row.after) ?? pick(row.before)
  return typeof id === 'string' && /^[a-f0-9]{24}$/.test(id) ? id : null
}

/**
 * The audit as a reader needs it: who acted (the admin's name: admins are named officials) and
 * which unit a changed record belongs to; the record's own personal fields stay as stored (masked).
 */
async function presentConfigChanges(rows: ConfigChangeRow[]) {
  const actorIds = [...new Set(rows.map((row) => String(row.actorId)))]
  const unitIds = [...new Set(rows.map(unitIdOf).filter((id): id is string => id !== null))]
  const [actors, units] = await Promise.all([
    UserModel.find({ _id: { $in: actorIds } }, { name: 1 }),
    UnitModel.find({ _id: { $in: unitIds } }, { name: 1 }),
  ])
  const actorNames = new Map(actors.map((user) => [String(user._id), user.name]))
  const unitNames = new Map(units.map((unit) => [String(unit._id), unit.name]))
  return rows.map((row) => {
    const unitId = unitIdOf(row)
    return {
      ...presentConfigChange(row),
      actorName: actorNames.get(String(row.actorId)) ?? null,
      unitName: unitId ? (unitNames.get(unitId) ?? null) : null,
    }
  })
}

function presentConfigChange(row: ConfigChangeRow) {
  return {
    id: String(row._id),
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    actorId: String(row.actorId),
    actorRole: row.actorRole,
    at: row.at.toISOString(),
    before: (row.before as Record<string, unknown> | null) ?? null,
    after: (row.after as Record<string, unknown> | null) ?? null,
  }
}
// Response schemas (issue 12)
import { contactViewsResponseSchema } from '@minqing/shared'

const contactViewsQuery = z.object({
  caseId: objectIdSchema.optional(),
  viewerId: objectIdSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
})

function presentContactView(row: ContactViewDocument) {
  return {
    id: String(row._id),
    viewerId: String(row.viewerId),
    viewerRole: row.viewerRole,
    viewerUnitId: row.viewerUnitId ? String(row.viewerUnitId) : null,
    caseId: String(row.caseId),
    caseNumber: row.caseNumber,
    fields: [...row.fields],
    at: row.at.toISOString(),
  }
}

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/audit/contact-views',
    access: ['admin'],
    summary: "Who viewed which case's contact details, and when (newest first), by case or by viewer",
    query: contactViewsQuery,
    response: contactViewsResponseSchema,
    handler: async (_ctx, { query, viewer }) => {
      const filter: FilterQuery<ContactViewDocument> = { ...scopeFilter(viewer) }
      if (query.caseId) filter.caseId = query.caseId
      if (query.viewerId) filter.viewerId = query.viewerId
      const [rows, total] = await Promise.all([
        ContactViewModel.find(filter)
          .sort({ at: -1, _id: -1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize),
        ContactViewModel.countDocuments(filter),
      ])
      return { items: rows.map(presentContactView), total, page: query.page, pageSize: query.pageSize }
    },
  }),
  // --- configuration audit (issue #16, org) ---
  defineRoute({
    method: 'get',
    path: '/audit/config-changes',
    access: ['admin'],
    summary:
      'Configuration changes (rules, categories, calendars, time limits, campaigns, users, units), newest first; filter by entity, actor, time',
    query: configChangeQuerySchema,
    response: configChangeListSchema,
    handler: async (_ctx, { query, viewer }) => {
      const filter: FilterQuery<ConfigChangeDocument> = { ...scopeFilter(viewer) }
      if (query.entityType) filter.entityType = query.entityType
      if (query.entityId) filter.entityId = query.entityId
      if (query.actorId) filter.actorId = query.actorId
      if (query.from || query.to)
        filter.at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) }
      const [rows, total] = await Promise.all([
        ConfigChangeModel.find(filter)
          .sort({ at: -1, _id: -1 })
          .skip((query.page - 1) * query.pageSize)
          .limit(query.pageSize),
        ConfigChangeModel.countDocuments(filter),
      ])
      return {
        items: await presentConfigChanges(rows),
        total,
        page: query.page,
        pageSize: query.pageSize,
      }
    },
  }),
]
