import type { VisitInput } from '@minqing/shared'
import { createHash } from 'node:crypto'
import { submitCase } from '../cases/submitCase'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { VisitModel, type VisitDocument } from './visit.model'

/** A stable case clientId per (visit, problem index): retries find the case instead of doubling it. */
export function problemClientId(visitClientId: string, index: number): string {
  return `v${createHash('sha256').update(visitClientId).digest('hex').slice(0, 24)}p${index}`
}

/**
 * Files each problem raised on a visit as a case (source = visit), routed like any other case.
 * Idempotent: a retried sync, or a later revision, only files the problems not yet filed, so a
 * crash between writing the visit and its cases is repaired by the phone's next retry.
 */
export async function raiseProblems(
  deps: AppDeps,
  viewer: Viewer,
  visit: VisitDocument,
  input: VisitInput,
): Promise<void> {
  const filed = visit.problemCaseIds ?? []
  if (filed.length >= input.problems.length) return
  const caseIds = [...filed]
  for (const [index, problem] of input.problems.entries()) {
    if (index < filed.length) continue
    const { record } = await submitCase(
      deps,
      viewer,
      {
        clientId: problemClientId(input.clientId, index),
        kind: problem.kind,
        categoryCode: problem.categoryCode,
        title: problem.title,
        description: problem.description,
        urgency: 'general',
        location: input.location,
        photos: [],
        contactPhone: input.household.phone,
        anonymous: false,
        publicConsent: false,
      },
      { source: 'visit', originId: String(visit._id) },
    )
    caseIds.push(record._id)
  }
  await VisitModel.updateOne({ _id: visit._id }, { $set: { problemCaseIds: caseIds } })
  visit.problemCaseIds = caseIds
}
