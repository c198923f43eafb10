import type { z } from 'zod'
import { AppError, type FieldIssue } from './appError'

/** Flattens zod issues into field issues keyed by dotted path, so a form can show all of them. */
export function fieldIssuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }))
}

export function validationError(error: z.ZodError): AppError {
  return new AppError('VALIDATION_FAILED', { issues: fieldIssuesFromZod(error) })
}

/** Parses with a schema, throwing VALIDATION_FAILED with every issue on failure. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input)
  if (!result.success) throw validationError(result.error)
  return result.data
}
