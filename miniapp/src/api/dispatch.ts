import type {
  DispatchSuggestInput,
  dispatchCategoriesResponseSchema,
  dispatchSuggestionResponseSchema,
} from '@minqing/shared'
import type { z } from 'zod'
import { api } from './client'

/** Inferred from the routes' response schemas (shared/src/dispatch/responses.ts). */
export type DispatchSuggestionView = z.output<typeof dispatchSuggestionResponseSchema>
export type CategorySuggestion = z.output<typeof dispatchCategoriesResponseSchema>['categories'][number]

/** Categories for what a resident is typing (the submit form), best first. */
export const suggestCategories = (input: DispatchSuggestInput) =>
  api
    .post<z.output<typeof dispatchCategoriesResponseSchema>>('/dispatch/categories', input)
    .then((body) => body.categories)

/** Category and unit suggestions for the dispatch queue (admins and leaders), with their words. */
export const suggestDispatch = (input: DispatchSuggestInput) =>
  api.post<DispatchSuggestionView>('/dispatch/suggest', input)
