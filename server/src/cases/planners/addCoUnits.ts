import { plan, refuse, type Planner } from './types'

/** 邀请协办: co-handling units join; the lead unit still answers the resident. */
export const planAddCoUnits: Planner<'addCoUnits'> = (input, { snapshot }) => {
  const added = input.unitIds.filter((id) => id !== snapshot.unitId && !snapshot.coUnitIds.includes(id))
  if (added.length === 0) return refuse('same_unit')
  return plan({
    to: snapshot.status,
    set: { coUnitIds: [...snapshot.coUnitIds, ...added] },
    involveUnitIds: added,
    event: { public: false, data: { unitIds: added } },
  })
}
