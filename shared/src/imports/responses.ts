import { z } from 'zod'
import { responseObject } from '../api/responseShapes'

export const caseImportResponseSchema = responseObject({
  imported: z.number().int().min(0),
  skipped: z.number().int().min(0),
  errors: z.array(responseObject({ row: z.number().int().min(1), issues: z.array(z.string()) })),
})
