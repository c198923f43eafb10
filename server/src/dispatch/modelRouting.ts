import type { CaseLocation, RoutingDecision } from '@minqing/shared'
import { currentDispatchModel } from './modelStore'
import { modelReason, suggestWithConfidence } from './suggestDispatch'

export type ModelDecision = Extract<RoutingDecision, { kind: 'model' }>

/**
 * The model's automatic dispatch, when it is confident enough (inside the calibrated band);
 * null otherwise, and null while this instance has no trained model: routing never waits for
 * a training. The reason names the words and the confidence, so the case explains itself.
 */
export async function modelRouting(question: {
  title: string
  description: string
  location?: CaseLocation | null
}): Promise<ModelDecision | null> {
  const trained = currentDispatchModel()
  if (!trained) return null
  const { suggestion, confidence } = await suggestWithConfidence(trained.model, {
    title: question.title,
    description: question.description,
  })
  const [unit] = suggestion.units
  if (!suggestion.auto || !unit) return null
  // The confidence the band was calibrated on, not the ranking's sharper score.
  return {
    kind: 'model',
    unitId: unit.unitId,
    ruleId: null,
    reason: modelReason({ ...unit, score: confidence }),
  }
}
