import {
  contactActivityInputSchema,
  contactActivitySchema,
  contactPointInputSchema,
  contactPointSchema,
  objectIdSchema,
} from '@minqing/shared'
import { z } from 'zod'
import { defineRoute, nonJson } from '../http/defineRoute'
import { contactLedger } from './contactLedger'
import { ContactActivityModel, ContactPointModel } from './contactPoint.model'
import {
  contactScope,
  createContactPoint,
  findContactPoint,
  logContactActivity,
  presentContactActivities,
  presentContactPoints,
} from './contactPoints'

const idParams = z.object({ id: z.string().max(64) })

/** 联系点 and 帮扶共建 (issue 16): named per unit, with an activity log and the ledger reported upward. */
export const contactPointRoutes = [
  defineRoute({
    method: 'post',
    path: '/contact-points',
    access: ['leader', 'admin'],
    summary:
      'Name a 联系点 or 帮扶共建 partner for a unit (leaders: their subtree), with its responsible leader',
    body: contactPointInputSchema,
    response: contactPointSchema,
    status: 201,
    handler: async (_ctx, { body, viewer }) =>
      (await presentContactPoints([await createContactPoint(viewer, body)]))[0],
  }),
  defineRoute({
    method: 'get',
    path: '/contact-points',
    access: ['staff', 'leader', 'admin'],
    summary: "Contact points and partners of the viewer's unit subtree (admins: all, or one unit)",
    query: z.object({ unitId: objectIdSchema.optional() }),
    response: z.object({ items: z.array(contactPointSchema) }),
    handler: async (_ctx, { query, viewer }) => {
      const scope = await contactScope(viewer)
      const units = scope ? scope.filter((id) => !query.unitId || String(id) === query.unitId) : null
      const filter = units ? { unitId: { $in: units } } : query.unitId ? { unitId: query.unitId } : {}
      const points = await ContactPointModel.find(filter).sort({ kind: 1, name: 1, _id: 1 }).limit(1000)
      return { items: await presentContactPoints(points) }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/contact-points/:id/activities',
    access: ['staff', 'leader', 'admin'],
    summary: 'Log an activity at a contact point (idempotent by clientId)',
    params: idParams,
    body: contactActivityInputSchema,
    response: contactActivitySchema,
    status: 201,
    handler: async (ctx, { params, body, viewer }) => {
      const point = await findContactPoint(viewer, params.id)
      const { entry, created } = await logContactActivity(viewer, point, body)
      ctx.status = created ? 201 : 200
      ctx.body = (await presentContactActivities([entry]))[0]
      return undefined
    },
  }),
  defineRoute({
    method: 'get',
    path: '/contact-points/:id/activities',
    access: ['staff', 'leader', 'admin'],
    summary: "A contact point's activity log, newest first",
    params: idParams,
    response: z.object({ items: z.array(contactActivitySchema) }),
    handler: async (_ctx, { params, viewer }) => {
      const point = await findContactPoint(viewer, params.id)
      const entries = await ContactActivityModel.find({ contactPointId: point._id })
        .sort({ heldOn: -1, _id: -1 })
        .limit(500)
      return { items: await presentContactActivities(entries) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/exports/contact-points.xlsx',
    access: ['leader', 'admin'],
    summary: 'The 联系点 / 帮扶共建 / 结对帮扶 ledger with its activity log, as .xlsx (households masked)',
    response: nonJson(
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      'The ledger workbook',
    ),
    handler: async (ctx, { viewer }) => {
      const file = await contactLedger(await contactScope(viewer))
      ctx.set(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent('联系点与帮扶台账.xlsx')}`,
      )
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      ctx.body = file
      return undefined
    },
  }),
]
