import {
  AppError,
  orgExportQuerySchema,
  orgExportViewListSchema,
  orgImportQuerySchema,
  orgImportResponseSchema,
} from '@minqing/shared'
import type { Context } from 'koa'
import { z } from 'zod'
import { defineRoute, nonJson } from '../http/defineRoute'
import { exportOrg } from './exportOrg'
import { importOrg } from './importOrg'
import { OrgExportViewModel } from './orgExportView.model'
import { orgTemplate, xlsxMediaType } from './orgWorkbook'
import { readOrgWorkbook } from './readOrgWorkbook'
import { fileIssue, mapUploadError, upload } from './routes'
import { assertUnitInTenant, tenantUnitIds } from '../tenants/tenantScope'

function sendXlsx(ctx: Context, filename: string, buffer: Buffer) {
  ctx.set('Content-Type', xlsxMediaType)
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${filename}.xlsx`)}`)
  ctx.set('Cache-Control', 'no-store')
  ctx.status = 200
  ctx.body = buffer
}

/** An .xlsx file is a zip: checked by its first bytes, since H5 uploads may not keep the name. */
const isZip = (buffer: Buffer) => buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50

export const orgImportRoutes = [
  defineRoute({
    method: 'get',
    path: '/imports/org/template.xlsx',
    access: ['admin'],
    summary:
      'The org import template: sheets 单位 and 人员 (Chinese headers, one example row each) and 填写说明',
    response: nonJson([xlsxMediaType], 'The import template'),
    handler: async (ctx) => {
      sendXlsx(ctx, '单位人员导入模板', await orgTemplate())
      return undefined
    },
  }),
  defineRoute({
    method: 'post',
    path: '/imports/org',
    access: ['admin'],
    summary:
      'Import units and staff from .xlsx (multipart field "file", sheets 单位 and 人员) under the unit parentId; every row is checked first and a file with any error imports nothing; ?dryRun=true only validates',
    query: orgImportQuerySchema,
    response: orgImportResponseSchema,
    handler: async (ctx, { query, viewer }) => {
      // A district's admin imports only under their own district's units (tenants/).
      await assertUnitInTenant(viewer, query.parentId)
      if (!ctx.is('multipart')) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
      await upload
        .single('file')(ctx, async () => undefined)
        .catch(mapUploadError)
      const file = (ctx as unknown as { file?: { buffer: Buffer } }).file
      if (!file) throw fileIssue('required', '请选择要导入的文件 / Attach the file in field "file"')
      if (!isZip(file.buffer))
        throw fileIssue('type', '只支持 .xlsx 文件（请使用下载的模板） / Only .xlsx files')
      const sheets = await readOrgWorkbook(file.buffer)
      return importOrg(ctx.deps, viewer, sheets, {
        parentId: query.parentId,
        dryRun: query.dryRun === 'true',
      })
    },
  }),
  defineRoute({
    method: 'get',
    path: '/exports/org.xlsx',
    access: ['admin'],
    summary:
      'The units below a unit and their staff (full phones) in the import format; each export is logged before it is answered',
    query: orgExportQuerySchema,
    response: nonJson([xlsxMediaType], 'Units and staff as an importable workbook'),
    handler: async (ctx, { query, viewer }) => {
      await assertUnitInTenant(viewer, query.unitId)
      const { root, people, buffer } = await exportOrg(query.unitId)
      // Fail closed: no log, no file.
      await OrgExportViewModel.create({
        viewerId: viewer.userId,
        viewerRole: viewer.role,
        viewerUnitId: viewer.unitId,
        unitId: root._id,
        people,
        at: ctx.deps.clock.now(),
      })
      sendXlsx(ctx, `单位人员_${root.name}`, buffer)
      return undefined
    },
  }),
  defineRoute({
    method: 'get',
    path: '/audit/org-exports',
    access: ['admin'],
    summary: 'Who exported the staff list (names and phones) of which unit, and when (newest first)',
    query: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) }),
    response: orgExportViewListSchema,
    handler: async (_ctx, { query, viewer }) => {
      // A district's admin reads the exports of their district's units only.
      const units = await tenantUnitIds(viewer)
      const filter = units ? { unitId: { $in: units } } : {}
      const [rows, total] = await Promise.all([
        OrgExportViewModel.find(filter)
          .sort({ at: -1, _id: -1 })
          .skip((query.page - 1) * 50)
          .limit(50)
          .lean(),
        OrgExportViewModel.countDocuments(filter),
      ])
      return {
        items: rows.map((row) => ({
          id: String(row._id),
          viewerId: String(row.viewerId),
          viewerRole: row.viewerRole,
          unitId: String(row.unitId),
          people: row.people,
          at: row.at.toISOString(),
        })),
        total,
      }
    },
  }),
]
