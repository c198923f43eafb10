import multer from '@koa/multer'
import { AppError } from '@minqing/shared'
import { z } from 'zod'
import { defineRoute } from '../http/defineRoute'
import { importCases } from './importCases'
import { readSheet } from './readSheet'
// Response schemas (issue 12)
import { caseImportResponseSchema } from '@minqing/shared'

const maxBytes = 20 * 1024 * 1024
export const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: maxBytes, files: 1, fields: 5 },
})

export function fileIssue(code: string, message: string) {
  return new AppError('VALIDATION_FAILED', { issues: [{ path: 'file', code, message }] })
}

/** Multer's limits and busboy's parse errors are the client's fault: 4xx, never 500. */
export function mapUploadError(error: unknown): never {
  if (error instanceof AppError) throw error
  const { name, code } = error as { name?: string; code?: string }
  if (name === 'MulterError' && code === 'LIMIT_FILE_SIZE')
    throw new AppError('PAYLOAD_TOO_LARGE', { details: { maxBytes } })
  if (name === 'MulterError')
    throw fileIssue(code ?? 'invalid', '只能上传一个文件 / Send one file in field "file"')
  if (code === 'ECONNRESET') throw error
  throw fileIssue('malformed', '上传内容格式错误 / Malformed multipart body')
}

export const importRoutes = [
  defineRoute({
    method: 'post',
    path: '/imports/cases',
    cityLevel: true,
    access: ['admin'],
    summary:
      'Import closed historical cases from .xlsx or .csv (multipart field "file"; columns 编号 标题 内容 分类 责任单位 提交时间, optional 办结时间 状态 答复); ?dryRun=true only validates',
    query: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
    response: caseImportResponseSchema,
    handler: async (ctx, { query, viewer }) => {
      if (!ctx.is('multipart')) throw new AppError('UNSUPPORTED_MEDIA_TYPE')
      await upload
        .single('file')(ctx, async () => undefined)
        .catch(mapUploadError)
      const file = (ctx as unknown as { file?: { buffer: Buffer; originalname: string } }).file
      if (!file) throw fileIssue('required', '请选择要导入的文件 / Attach the file in field "file"')
      if (!/\.(xlsx|csv)$/i.test(file.originalname))
        throw fileIssue('type', '只支持 .xlsx 或 .csv 文件 / Only .xlsx or .csv files')
      const sheet = await readSheet(file.buffer, file.originalname)
      return importCases(viewer, sheet, { dryRun: query.dryRun === 'true', now: ctx.deps.clock.now() })
    },
  }),
]
