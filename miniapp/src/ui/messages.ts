import { AppError, fieldIssuesFromZod } from '@minqing/shared'
import type { z } from 'zod'

/**
 * Schema messages are "中文 / English"; the mini-app shows the Chinese half. The separator is a
 * slash followed by a space and Latin text; the space before it may be missing after a
 * full-width bracket ("（至少5个字）/ Describe…"), and a slash inside Chinese ("水/电") is kept.
 */
export function chinese(message: string): string {
  const cut = message.search(/\s*\/\s+[A-Za-z]/)
  return cut > 0 ? message.slice(0, cut) : message
}

/** Field errors keyed by path, for a form to show next to each field. */
export function fieldErrors(source: z.ZodError | AppError): Record<string, string> {
  const issues = source instanceof AppError ? (source.issues ?? []) : fieldIssuesFromZod(source)
  const errors: Record<string, string> = {}
  for (const issue of issues) errors[issue.path] ??= chinese(issue.message)
  return errors
}
