import type { Viewer } from '../http/defineRoute'
import type { ContactField } from '../audit/contactView.model'
import { recordContactView } from '../audit/recordContactView'
import { IntakeCallModel } from '../intake/intakeCall.model'
import { ReceptionModel } from '../reception/reception.model'
import { UserModel } from '../users/user.model'
import { VisitModel } from '../visits/visit.model'
import type { CaseDocument } from './case.model'

/**
 * The name of the person a case is about: the resident who filed it, or for cases filed by staff
 * on a visit or at a reception, the household or visitor recorded there.
 */
async function contactName(record: CaseDocument): Promise<string | null> {
  // Filed by an operator for a caller (any channel): the caller's name is on the intake record.
  if (record.originId) {
    const intake = await IntakeCallModel.findById(record.originId, { 'caller.name': 1 })
    if (intake) return intake.caller.name ?? null
  }
  if (record.source === 'visit' && record.originId) {
    const visit = await VisitModel.findById(record.originId, { 'content.household.name': 1 })
    return (visit?.content as { household?: { name?: string } } | undefined)?.household?.name ?? null
  }
  if (record.source === 'reception' && record.originId) {
    const reception = await ReceptionModel.findById(record.originId, { 'visitor.name': 1 })
    return reception?.visitor?.name ?? null
  }
  const user = await UserModel.findById(record.createdBy, { name: 1 })
  return user?.name ?? null
}

/** The contact details of a case, logged before they are answered (caller checked the right to see them). */
export async function revealContact(viewer: Viewer, record: CaseDocument, now = new Date()) {
  const phone = record.contactPhone ?? null
  const name = await contactName(record)
  const fields: ContactField[] = []
  if (phone) fields.push('phone')
  if (name) fields.push('name')
  await recordContactView(viewer, record, fields, now)
  return { phone, name }
}
