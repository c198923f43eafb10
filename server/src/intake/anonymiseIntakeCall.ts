import type { Types } from 'mongoose'
import { RatingAttemptModel } from '../ratings/ratingAttempt.model'
import { IntakeCallModel } from './intakeCall.model'

/**
 * Retention for a caller's case: the name, phone and query code on the intake record and the
 * phones of its rating attempts are removed (the channel and dates stay for the statistics).
 * Idempotent: a second run finds nothing left to remove.
 */
export async function anonymiseIntakeCall(caseId: Types.ObjectId): Promise<void> {
  await IntakeCallModel.updateOne(
    { _id: caseId },
    // lookupKey stays unique and can never match a lookup again.
    {
      $set: {
        'caller.name': '',
        'caller.phone': '',
        queryCode: '',
        lookupKey: `anonymised|${String(caseId)}`,
      },
    },
  )
  await RatingAttemptModel.updateMany({ caseId }, { $set: { phone: '', linkKey: null } })
}
