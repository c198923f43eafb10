import type { DispatchSuggestInput, DispatchSuggestion } from '@minqing/shared'
import { api } from './client'

/** Categories for what a resident is typing (the submit form), best first. */
export const suggestCategories = (input: DispatchSuggestInput) =>
  api
    .post<Pick<DispatchSuggestion, 'categories'>>('/dispatch/categories', input)
    .then((body) => body.categories)

/** Category and unit suggestions for the dispatch queue (admins and leaders), with their words. */
export const suggestDispatch = (input: DispatchSuggestInput) =>
  api.post<DispatchSuggestion>('/dispatch/suggest', input)
