import { settingsFor } from '../settings/currentSettings'
import { acceptDeadline, expectedAnswerBy, type IntakePreviewInput, type TimeLimit } from '@minqing/shared'
import type { AppDeps } from '../http/deps'
import { decideRouting } from '../routing/decideRouting'
import { findSimilarCases, presentSimilar } from '../cases/similarCases'
import { UnitModel } from '../units/unit.model'

const limitLabel = (limit: TimeLimit) =>
  'hours' in limit ? `${limit.hours}小时内答复` : `${limit.workingDays}个工作日内答复`

/**
 * What saving would do, before it is saved: the routing decision (same resolver and time limits as
 * `submitCase`) and open similar cases. Operators work for the dispatch centre, like admins, so
 * similar cases come from every district; only what `presentSimilar` allows is shown.
 */
export async function previewIntake(deps: AppDeps, input: IntakePreviewInput) {
  const now = deps.clock.now()
  const decision = await decideRouting({ ...input, location: null })
  // Timed as submitCase will: by the district the case would be filed in.
  const { timeLimits, calendar } = settingsFor(deps, decision.tenantId)
  const unit = decision.unitId ? await UnitModel.findById(decision.unitId, { name: 1 }) : null
  const similar =
    input.title.trim().length + input.description.trim().length >= 2 ? await findSimilarCases(input, now) : []
  return {
    routing: {
      kind: decision.kind,
      unitId: decision.unitId,
      unitName: unit?.name ?? null,
      reason: decision.reason,
    },
    timeLimit: {
      urgency: input.urgency,
      acceptHours: timeLimits.acceptHours,
      answer: limitLabel(timeLimits.answer[input.urgency]),
      acceptBy: decision.unitId
        ? acceptDeadline(now, timeLimits, calendar, {
            urgency: input.urgency,
            unitId: decision.unitId,
          }).toISOString()
        : null,
      expectedAnswerBy: expectedAnswerBy(now, input.urgency, timeLimits, calendar).toISOString(),
    },
    similar: similar.map(presentSimilar),
  }
}
