import { AppError, openStatuses, type ReassignInput } from '@minqing/shared'
import { CaseModel } from '../cases/case.model'
import { commitChange, loadCase } from '../cases/commitChange'
import { isDuplicateKey } from '../db/duplicateKey'
import type { Viewer } from '../http/defineRoute'
import type { AppDeps } from '../http/deps'
import { PairModel } from '../pairs/pair.model'
import { setDutyRoster } from '../reception/dutyRoster'
import { DutyModel } from '../reception/reception.model'
import { UserModel } from './user.model'

const targetIssue = (message: string) =>
  new AppError('VALIDATION_FAILED', { issues: [{ path: 'toUserId', code: 'invalid', message }] })

async function activeUser(userId: string, roles: readonly string[]) {
  const user = await UserModel.findById(userId)
  if (!user || user.disabled)
    throw targetIssue('接手人不存在或已停用 / The new holder is missing or disabled')
  if (!roles.includes(user.role)) throw targetIssue('接手人的角色不能承担此项工作 / Wrong role for this work')
  return user
}

/**
 * 包案 handed to another leader: a case change like any other, committed event-first through
 * the case event path (`commitChange`), recorded as a takeOwnership by the admin on their behalf.
 */
async function reassignCase(deps: AppDeps, admin: Viewer, from: string, caseId: string, toUserId: string) {
  await activeUser(toUserId, ['leader'])
  if (!(await CaseModel.exists({ _id: caseId, ownerLeaderId: from }))) throw new AppError('NOT_FOUND')
  const record = await loadCase(caseId)
  if (!openStatuses.includes(record.status)) throw new AppError('INVALID_TRANSITION')
  const now = deps.clock.now()
  await commitChange(
    record,
    { to: record.status, set: { ownerLeaderId: toUserId, ownedAt: now }, inc: {}, involveUnitIds: [] },
    {
      action: 'takeOwnership',
      actor: { userId: admin.userId, role: admin.role, unitId: admin.unitId },
      at: now,
      reason: '管理员移交包案 / Reassigned by an admin',
      public: false,
      data: {
        ownerLeaderId: toUserId,
        previousOwnerId: record.ownerLeaderId ? String(record.ownerLeaderId) : null,
        assignedBy: admin.userId,
      },
    },
  )
}

/** A duty day goes through the roster's own rule (the leader belongs to the unit). */
async function reassignDuty(admin: Viewer, from: string, dutyId: string, toUserId: string) {
  await activeUser(toUserId, ['leader', 'staff'])
  const duty = await DutyModel.findById(dutyId)
  if (!duty || String(duty.leaderId) !== from) throw new AppError('NOT_FOUND')
  await setDutyRoster(admin, {
    unitId: String(duty.unitId),
    assignments: [{ date: duty.date, leaderId: toUserId, place: duty.place ?? '' }],
  })
}

/** A pair moves to another staff member; one who already pairs with the household is a 409. */
async function reassignPair(from: string, pairId: string, toUserId: string) {
  const target = await activeUser(toUserId, ['staff', 'leader', 'handler'])
  const pair = await PairModel.findById(pairId)
  if (!pair || pair.endedAt || String(pair.staffId) !== from) throw new AppError('NOT_FOUND')
  try {
    await PairModel.updateOne({ _id: pair._id }, { $set: { staffId: target._id, unitId: target.unitId } })
  } catch (error) {
    if (isDuplicateKey(error))
      throw new AppError('CONFLICT', {
        message: '接手人已与该户结对',
        messageEn: 'The new holder already pairs with this household',
      })
    throw error
  }
}

/** Hands one item that `fromUserId` holds to another person; an item they do not hold is a 404. */
export async function reassignWork(
  deps: AppDeps,
  admin: Viewer,
  fromUserId: string,
  input: ReassignInput,
): Promise<void> {
  if (input.toUserId === fromUserId) throw targetIssue('接手人与原负责人相同 / Same person')
  if (input.kind === 'case') return reassignCase(deps, admin, fromUserId, input.id, input.toUserId)
  if (input.kind === 'duty') return reassignDuty(admin, fromUserId, input.id, input.toUserId)
  return reassignPair(fromUserId, input.id, input.toUserId)
}
