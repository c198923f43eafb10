import { AppError } from '@minqing/shared'

/** A 400 VALIDATION_FAILED naming one field, as the console shows it beside the input. */
export const categoryIssue = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path, code, message }] })
