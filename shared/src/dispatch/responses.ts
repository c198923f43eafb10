import { z } from 'zod'
import { responseObject } from '../api/responseShapes'

const score = z.number().min(0).max(1)
const terms = z.array(z.string())

/** The text model's suggestion (strict twin of `dispatchSuggestionSchema`). */
export const dispatchSuggestionResponseSchema = responseObject({
  categories: z.array(responseObject({ code: z.string(), name: z.string(), score, terms })),
  units: z.array(responseObject({ unitId: z.string(), name: z.string(), score, terms })),
  auto: z.boolean(),
})
export const dispatchCategoriesResponseSchema = responseObject({
  categories: dispatchSuggestionResponseSchema.shape.categories,
})

const accuracy = responseObject({ top1: score, top3: score })
export const dispatchTrainResponseSchema = responseObject({
  samples: z.number().int().min(0),
  categories: z.number().int().min(0),
  units: z.number().int().min(0),
  accuracy,
  unitAccuracy: accuracy,
  /** The confidence band for automatic dispatch; threshold null when none was calibrated. */
  auto: responseObject({
    threshold: z.number().nullable(),
    precision: z.number().nullable(),
    coverage: z.number(),
  }),
})
