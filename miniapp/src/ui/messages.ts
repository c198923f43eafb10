import { AppError, fieldIssuesFromZod } from '@minqing/shared'
import type { z } from 'zod'

/** Schema messages are "中文 / English"; the mini-app shows the Chinese half. */
export function chinese(message: string): string {
  return message.split(' / ')[0] ?? message
}

/** Field errors keyed by path, for a form to show next to each field. */
export function fieldErrors(source: z.ZodError | AppError): Record<string, string> {
  const issues = source instanceof AppError ? (source.issues ?? []) : fieldIssuesFromZod(source)
  const errors: Record<string, string> = {}
  for (const issue of issues) errors[issue.path] ??= chinese(issue.message)
  return errors
}
