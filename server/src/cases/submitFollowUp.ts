import { claimOnce } from '../db/claims'
import type { AppDeps } from '../http/deps'
import { notifyCaseEvent } from '../notifications/notifyCaseEvent'
import { flagRepeatConcern } from '../repeatConcerns/flagRepeatConcern'
import { sendFirstReply } from '../replyTemplates/firstReply'
import { CaseModel } from './case.model'
import { project, type OutboxEvent, type Projection, type StepHook } from './eventOutbox'

export const submitFollowUpName = 'afterSubmit'

/**
 * What follows once a case exists, left off the submit request path (issue 18: the request writes
 * only the case and its events): the submission's notifications, the automatic first reply and
 * the repeat-concern check. It runs from the background projection over the outbox events, one
 * `submit` event per case, so a crash half-way is finished by the next run with the same batch.
 *
 * Each part is safe to repeat: the first reply and the repeat concern are claimed by unique
 * inserts inside their own modules; the notifications, which are not, are claimed here first
 * (at most once: a crash between claim and insert loses that case's bell, never doubles an SMS).
 */
export function submitFollowUp(deps: AppDeps): Projection {
  return {
    name: submitFollowUpName,
    async apply(events: OutboxEvent[], _batch: string, hook?: StepHook) {
      for (const event of events) {
        if (event.action !== 'submit') continue
        // Read now, not at submit time: a case changed since (signed for, transferred) is told as it is.
        const record = await CaseModel.findById(event.caseId)
        if (!record) continue
        if (await claimOnce(`submitNotified|${String(record._id)}`, deps.clock.now()))
          await notifyCaseEvent(deps, record, 'submit', String(record.createdBy))
        await sendFirstReply(deps, record)
        await flagRepeatConcern(deps, record)
        await hook?.('row')
      }
    },
  }
}

/** Brings the follow-ups up to date with every submission stored so far (tests wait on this). */
export function projectSubmitFollowUps(deps: AppDeps, hook?: StepHook) {
  return project(submitFollowUp(deps), hook)
}
