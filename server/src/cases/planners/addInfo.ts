import { plan, type Planner } from './types'

/** 补充信息: the resident adds to their case; it changes no state. */
export const planAddInfo: Planner<'addInfo'> = (input, { snapshot }) =>
  plan({ to: snapshot.status, set: {}, event: { public: true, message: input.message } })
