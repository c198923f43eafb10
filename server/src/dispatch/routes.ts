import { dispatchSuggestInputSchema, roles } from '@minqing/shared'
import { defineRoute } from '../http/defineRoute'
import { ensureDispatchModel, trainNow } from './modelStore'
import { suggestDispatch } from './suggestDispatch'
// Response schemas (issue 12)
import {
  dispatchCategoriesResponseSchema,
  dispatchSuggestionResponseSchema,
  dispatchTrainResponseSchema,
} from '@minqing/shared'

export const dispatchRoutes = [
  defineRoute({
    method: 'post',
    path: '/dispatch/model/train',
    cityLevel: true,
    access: ['admin'],
    summary: 'Train the category and unit model now on settled and corrected cases; cross-validated accuracy',
    response: dispatchTrainResponseSchema,
    handler: async (ctx) => {
      const { report } = await trainNow(ctx.deps, 'admin')
      return {
        samples: report.samples,
        categories: report.categories,
        units: report.units,
        accuracy: { top1: report.top1, top3: report.top3 },
        unitAccuracy: { top1: report.unitTop1, top3: report.unitTop3 },
        auto: {
          threshold: Number.isFinite(report.autoThreshold) ? report.autoThreshold : null,
          precision: report.autoPrecision,
          coverage: report.autoCoverage,
        },
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/dispatch/suggest',
    // The dispatch centre (admin) and leaders, who route cases in their subtree and dry-run rules.
    access: ['admin', 'leader'],
    summary: 'Suggested categories and units for a text, best first, with the words behind each score',
    body: dispatchSuggestInputSchema,
    response: dispatchSuggestionResponseSchema,
    handler: async (ctx, { body }) => suggestDispatch((await ensureDispatchModel(ctx.deps)).model, body),
  }),
  defineRoute({
    method: 'post',
    path: '/dispatch/categories',
    // Residents pick a category while typing: they get the categories only, never the units.
    access: roles,
    summary: 'Suggested categories for what the resident is typing, best first (for the submit form)',
    body: dispatchSuggestInputSchema,
    response: dispatchCategoriesResponseSchema,
    handler: async (ctx, { body }) => {
      const { categories } = await suggestDispatch((await ensureDispatchModel(ctx.deps)).model, body)
      return { categories }
    },
  }),
]
