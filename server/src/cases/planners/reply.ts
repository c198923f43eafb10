import { statusAfterReply } from '@minqing/shared'
import { plan, type Planner } from './types'

/** 答复: a public reply moves the case to "replied"; an internal note marks it in progress. */
export const planReply: Planner<'reply'> = (input, { snapshot }) =>
  plan({
    to: statusAfterReply(snapshot.status, input.public),
    set: {},
    event: { public: input.public, message: input.message },
  })
