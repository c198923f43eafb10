import { CaseEventModel } from '../cases/caseEvent.model'
import { CaseModel } from '../cases/case.model'
import type { TrainingSample } from './dispatchModel'

/**
 * The actions by which a person sets where a case belongs: each one is a label the model should
 * learn. A return the dispatch centre accepts shows up as its next (manual) dispatch.
 */
export const correctionActions = ['dispatch', 'transfer', 'recategorize', 'ruleObjection'] as const

/** Cases that a person routed by hand (not the system's automatic dispatch). */
async function correctedCaseIds(): Promise<Set<string>> {
  const events = await CaseEventModel.find(
    { action: { $in: correctionActions }, 'actor.role': { $ne: 'system' } },
    { caseId: 1 },
  ).lean()
  return new Set(events.map((event) => String(event.caseId)))
}

/** How many corrections were made since `since`: the retrain job's trigger. */
export async function correctionsSince(since: Date | null): Promise<number> {
  return CaseEventModel.countDocuments({
    action: { $in: correctionActions },
    'actor.role': { $ne: 'system' },
    ...(since ? { at: { $gt: since } } : {}),
  })
}

/**
 * What the model learns from: every case whose category and unit a person decided — settled
 * (resolved or closed, imported history included) or routed by hand. An open case the system
 * dispatched on its own is not evidence of anything yet, so it is left out (the model would
 * otherwise learn from its own guesses). One scan of the cases with a unit; sorted by `_id` so
 * the same database always trains the same model.
 */
export async function loadTrainingSamples(): Promise<TrainingSample[]> {
  const corrected = await correctedCaseIds()
  const rows = await CaseModel.find(
    { unitId: { $ne: null } },
    { title: 1, description: 1, categoryCode: 1, unitId: 1, status: 1, closedReason: 1 },
  )
    .sort({ _id: 1 })
    .lean()
  return rows
    .filter(
      (row) =>
        ((row.status === 'resolved' || row.status === 'closed') && row.closedReason !== 'merged') ||
        corrected.has(String(row._id)),
    )
    .map((row) => ({
      text: `${row.title}\n${row.description}`,
      categoryCode: row.categoryCode,
      unitId: String(row.unitId),
    }))
}
