import { plan, type Planner } from './types'

/** 协办意见: a co-handling unit adds its part, for the lead unit to use. */
export const planContribute: Planner<'contribute'> = (input, { snapshot }) =>
  plan({ to: snapshot.status, set: {}, event: { public: false, message: input.message } })
