import { caseSettings } from '../settings/currentSettings'
import { AppError, caseTimeState, chinaDate, endOfNthWorkingDay, openStatuses } from '@minqing/shared'
import { CaseModel, type CaseDocument } from '../cases/case.model'
import { commitChange } from '../cases/commitChange'
import type { AppDeps } from '../http/deps'
import { notifyUsers, peopleOf } from './notifyUsers'

const system = { userId: null, role: 'system' as const, unitId: null }
const same = (a: Date | null | undefined, b: Date) => Boolean(a) && a!.getTime() === b.getTime()

/** Appends a supervision step as a case event; another instance doing the same step wins or loses on the event sequence. */
async function step(
  record: CaseDocument,
  action: string,
  set: Record<string, unknown>,
  now: Date,
  data: object,
) {
  try {
    await commitChange(
      record,
      { to: record.status, set, inc: {}, involveUnitIds: [] },
      { action, actor: system, at: now, public: false, data: { ...data } },
    )
    return true
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_CHANGED') return false
    throw error
  }
}

/**
 * The deadline watch, run by the scheduler (one instance per tick). For every open case with a
 * running deadline: at the warning share of the time the handlers are warned; once the deadline
 * has passed the case is marked overdue (an event: it goes on the supervision board and the unit
 * leaders are told); the day after, a chase notice (催办) goes to the handlers and unit leaders;
 * still late a configured number of working days after the chase, it is escalated to the leaders
 * of the unit above (升级督办) and listed in the period's brief.
 */
export async function superviseDeadlines(deps: AppDeps) {
  const now = deps.clock.now()
  const cases = await CaseModel.find({ status: { $in: [...openStatuses] }, 'deadlines.dueAt': { $ne: null } })
  const counts = { warned: 0, overdue: 0, chased: 0, escalated: 0 }
  for (const record of cases) {
    const dueAt = record.deadlines.dueAt!
    const watch = record.supervision ?? {}
    // The case's district's warning share, escalation delay and holidays.
    const { limits, calendar } = caseSettings(deps, record)
    const state = caseTimeState(now, record, limits.warnShare)?.state
    if (state === 'warning' && !same(watch.warnedFor, dueAt)) {
      // The warning is a case event like every other step: one per deadline, and across instances
      // the event sequence decides who sends it (a lost race is retried on the next tick).
      if (await step(record, 'warn', { 'supervision.warnedFor': dueAt }, now, { dueAt })) {
        await notifyUsers(
          await peopleOf(record.unitId, 'handler'),
          record,
          'deadlineWarning',
          '诉求即将超期，请抓紧办理',
        )
        counts.warned++
      }
      continue
    }
    if (state !== 'overdue') continue
    if (!same(watch.overdueFor, dueAt)) {
      if (
        await step(record, 'overdue', { 'supervision.overdueFor': dueAt, supervisionFlag: true }, now, {
          dueAt,
        })
      ) {
        const people = [
          ...(await peopleOf(record.unitId, 'handler')),
          ...(await peopleOf(record.unitId, 'leader', 'unitAndAbove')),
        ]
        await notifyUsers(people, record, 'overdue', '诉求已超期，已列入督办')
        counts.overdue++
      }
      continue
    }
    const chaseFrom = chinaDate(dueAt).startOf('day').add(1, 'day').toDate()
    if (!same(watch.chasedFor, dueAt)) {
      if (
        now >= chaseFrom &&
        (await step(record, 'chase', { 'supervision.chasedFor': dueAt, 'supervision.chasedAt': now }, now, {
          dueAt,
        }))
      ) {
        const people = [
          ...(await peopleOf(record.unitId, 'handler')),
          ...(await peopleOf(record.unitId, 'leader', 'unitAndAbove')),
        ]
        await notifyUsers(people, record, 'chase', '催办：诉求已超期，请立即办理并反馈')
        counts.chased++
      }
      continue
    }
    const escalateAt = endOfNthWorkingDay(
      watch.chasedAt ?? chaseFrom,
      limits.escalateAfterWorkingDays,
      calendar,
    )
    if (!same(watch.escalatedFor, dueAt) && now > escalateAt) {
      if (
        await step(record, 'escalate', { 'supervision.escalatedFor': dueAt }, now, {
          dueAt,
          publicCriticism: true,
        })
      ) {
        await notifyUsers(
          await peopleOf(record.unitId, 'leader', 'above'),
          record,
          'escalate',
          '升级督办：诉求催办后仍未办结',
        )
        counts.escalated++
      }
    }
  }
  return counts
}
