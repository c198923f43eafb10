import { z } from 'zod'
import { locationSchema } from '../cases/schemas'

/** What a dispatcher (or the submit form) asks the model about: the resident's own words. */
export const dispatchSuggestInputSchema = z.object({
  title: z.string().max(200).default(''),
  description: z.string().max(4000).default(''),
  location: locationSchema.optional(),
})
export type DispatchSuggestInput = z.infer<typeof dispatchSuggestInputSchema>

const score = z.number().min(0).max(1)
/** The words that drove a score, most important first. */
const terms = z.array(z.string())

export const dispatchSuggestionSchema = z.object({
  categories: z.array(z.object({ code: z.string(), name: z.string(), score, terms })),
  units: z.array(z.object({ unitId: z.string(), name: z.string(), score, terms })),
  /** True only inside the confidence band calibrated for ≥ 99 % right automatic dispatch. */
  auto: z.boolean(),
})
export type DispatchSuggestion = z.infer<typeof dispatchSuggestionSchema>

export const dispatchTrainResultSchema = z.object({
  samples: z.number().int().min(0),
  categories: z.number().int().min(0),
  units: z.number().int().min(0),
  /** Cross-validated on the training cases. */
  accuracy: z.object({ top1: score, top3: score }),
})
export type DispatchTrainResult = z.infer<typeof dispatchTrainResultSchema>

export const caseImportResultSchema = z.object({
  imported: z.number().int().min(0),
  skipped: z.number().int().min(0),
  errors: z.array(z.object({ row: z.number().int().min(1), issues: z.array(z.string()) })),
})
export type CaseImportResult = z.infer<typeof caseImportResultSchema>
