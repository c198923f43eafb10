import { assertUnitInTenant, tenantUnitIds } from '../tenants/tenantScope'
import { AppError, chinaDays, objectIdSchema } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute, nonJson, type Viewer } from '../http/defineRoute'
import { UnitModel } from '../units/unit.model'
import { isInSubtree, subtreeUnitIds } from '../units/unitTree'
import {
  caseLedgerColumns,
  caseLedgerCount,
  caseLedgerRows,
  visitLedgerColumns,
  visitLedgerCount,
  visitLedgerRows,
} from './ledgerRows'
import { streamLedger } from './writeLedger'

/** What a ledger download answers, by the path's .xlsx or .csv. */
const ledgerMediaTypes = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv']

const day = z.iso.date()
const ledgerQuery = z
  .object({
    from: day,
    to: day,
    unitId: objectIdSchema.optional(),
  })
  .refine((query) => query.from <= query.to, {
    message: '开始日期须早于结束日期 / from must not be after to',
    path: ['to'],
  })

/** Leaders export their own subtree only (their unit unless they name one below it); admins any unit or everything. */
async function scopeUnit(viewer: Viewer, unitId: string | undefined): Promise<string | undefined> {
  if (viewer.role === 'admin') {
    await assertUnitInTenant(viewer, unitId)
    return unitId
  }
  if (!viewer.unitId) throw new AppError('FORBIDDEN')
  const target = unitId ?? viewer.unitId
  const unit = await UnitModel.findById(target, { path: 1 })
  if (!unit || !isInSubtree(viewer.unitId, unit)) throw new AppError('FORBIDDEN')
  return target
}

export const exportRoutes = [
  defineRoute({
    method: 'get',
    path: '/exports/cases.:format',
    access: ['admin', 'leader'],
    summary: 'The case ledger (台账) of a period and unit subtree, streamed as .xlsx (or .csv)',
    params: z.object({ format: z.enum(['xlsx', 'csv']) }),
    query: ledgerQuery,
    response: nonJson(ledgerMediaTypes, 'The case ledger as a spreadsheet'),
    handler: async (ctx, { params, query, viewer }) => {
      const unitId = await scopeUnit(viewer, query.unitId)
      // The unit's whole subtree: a district leader's cases are held by the units below it.
      const filter = {
        ...chinaDays(query.from, query.to),
        // Without a unit, a tenant admin's ledger is their district's units (tenants/).
        unitIds: unitId ? await subtreeUnitIds(unitId) : ((await tenantUnitIds(viewer)) ?? undefined),
      }
      await streamLedger(ctx, {
        format: params.format,
        filename: `诉求台账_${query.from}_${query.to}`,
        sheet: '诉求台账',
        columns: caseLedgerColumns,
        rows: caseLedgerRows(filter, ctx.deps.clock.now()),
        totalRows: await caseLedgerCount(filter),
      })
      return undefined
    },
  }),
  defineRoute({
    method: 'get',
    path: '/exports/visits.:format',
    access: ['admin', 'leader'],
    summary: 'The visit ledger (走访台账) of a period and unit subtree, streamed as .xlsx (or .csv)',
    params: z.object({ format: z.enum(['xlsx', 'csv']) }),
    query: ledgerQuery,
    response: nonJson(ledgerMediaTypes, 'The visit ledger as a spreadsheet'),
    handler: async (ctx, { params, query, viewer }) => {
      const unitId = await scopeUnit(viewer, query.unitId)
      const filter = {
        ...chinaDays(query.from, query.to),
        // Without a unit, a tenant admin's ledger is their district's units (tenants/).
        unitIds: unitId ? await subtreeUnitIds(unitId) : ((await tenantUnitIds(viewer)) ?? undefined),
      }
      await streamLedger(ctx, {
        format: params.format,
        filename: `走访台账_${query.from}_${query.to}`,
        sheet: '走访台账',
        columns: visitLedgerColumns,
        rows: visitLedgerRows(filter),
        totalRows: await visitLedgerCount(filter),
      })
      return undefined
    },
  }),
]
