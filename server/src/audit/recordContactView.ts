import type { Viewer } from '../http/defineRoute'
import { ContactViewModel, type ContactField } from './contactView.model'

/** Logs one view of contact details; throws when the log cannot be written (fail closed). */
export async function recordContactView(
  viewer: Viewer,
  record: { _id: unknown; number: string; tenantId?: unknown },
  fields: readonly ContactField[],
  at: Date,
): Promise<void> {
  await ContactViewModel.create({
    viewerId: viewer.userId,
    viewerRole: viewer.role,
    viewerUnitId: viewer.unitId,
    caseId: record._id,
    caseNumber: record.number,
    // The case's district: its admins read the log of their own cases only (tenants/).
    tenantId: record.tenantId ?? null,
    fields,
    at,
  })
}
