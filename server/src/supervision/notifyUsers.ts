import type { Types } from 'mongoose'
import type { CaseDocument } from '../cases/case.model'
import { NotificationModel } from '../notifications/notification.model'
import { UnitModel } from '../units/unit.model'
import { UserModel } from '../users/user.model'

/** The people of a unit with a role; `above` means the leaders of the units above it instead. */
export async function peopleOf(
  unitId: Types.ObjectId | string | null | undefined,
  role: 'handler' | 'leader',
  reach: 'unit' | 'unitAndAbove' | 'above' = 'unit',
): Promise<string[]> {
  if (!unitId) return []
  const unit = await UnitModel.findById(unitId, { path: 1 })
  if (!unit) return []
  const unitIds =
    reach === 'unit' ? [unit._id] : reach === 'unitAndAbove' ? [unit._id, ...unit.path] : unit.path.slice(-1)
  const users = await UserModel.find({ role, disabled: false, unitId: { $in: unitIds } }, { _id: 1 })
  return users.map((user) => String(user._id))
}

export async function notifyUsers(
  userIds: Iterable<string>,
  record: CaseDocument,
  action: string,
  title: string,
) {
  const unique = [...new Set(userIds)]
  if (unique.length === 0) return
  await NotificationModel.insertMany(
    unique.map((userId) => ({
      userId,
      caseId: record._id,
      caseNumber: record.number,
      action,
      title,
      body: `${record.number} ${record.title}`,
    })),
  )
}
