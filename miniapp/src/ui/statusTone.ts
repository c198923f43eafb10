import type { CaseStatus } from '@minqing/shared'

/** How a status tag is coloured: what the person should feel about the state, in one word. */
export type Tone = 'info' | 'warning' | 'success' | 'danger' | 'muted'

export const caseStatusTones: Record<CaseStatus, Tone> = {
  submitted: 'info',
  dispatched: 'warning',
  accepted: 'info',
  in_progress: 'info',
  replied: 'success',
  resolved: 'warning',
  closed: 'muted',
  transferred: 'warning',
  returned: 'warning',
  rejected: 'danger',
  reopened: 'warning',
}
