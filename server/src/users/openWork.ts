import { AppError, chinaDate, openStatuses, type OpenWork } from '@minqing/shared'
import { CaseModel } from '../cases/case.model'
import { PairModel } from '../pairs/pair.model'
import { DutyModel } from '../reception/reception.model'
import { UserModel } from './user.model'

/** Open cases as the console lists them (no personal data of the resident). */
export function presentOpenCase(record: {
  _id: unknown
  number: string
  title: string
  status: string
  unitId?: unknown
}) {
  return {
    id: String(record._id),
    number: record.number,
    title: record.title,
    status: record.status,
    unitId: record.unitId ? String(record.unitId) : null,
  }
}

/**
 * What a person still holds, for handing it on before they leave: open cases they own as 包案领导
 * (the only field of a case that names a person responsible — lead and co-units are units),
 * duty-roster days from today (China time) on, and 结对 pairs not ended.
 */
export async function openWork(userId: string, now: Date): Promise<OpenWork> {
  if (!(await UserModel.exists({ _id: userId }))) throw new AppError('NOT_FOUND')
  const today = chinaDate(now).format('YYYY-MM-DD')
  const [cases, duties, pairs] = await Promise.all([
    CaseModel.find(
      { ownerLeaderId: userId, status: { $in: openStatuses } },
      { number: 1, title: 1, status: 1, unitId: 1 },
    )
      .sort({ submittedAt: 1, _id: 1 })
      .limit(500)
      .lean(),
    DutyModel.find({ leaderId: userId, date: { $gte: today } })
      .sort({ date: 1, _id: 1 })
      .limit(500)
      .lean(),
    PairModel.find({ staffId: userId, endedAt: null }).sort({ pairedAt: 1, _id: 1 }).limit(500).lean(),
  ])
  return {
    ownedCases: cases.map(presentOpenCase),
    duties: duties.map((duty) => ({
      id: String(duty._id),
      unitId: String(duty.unitId),
      date: duty.date,
      place: duty.place ?? '',
    })),
    pairs: pairs.map((pair) => ({
      id: String(pair._id),
      unitId: pair.unitId ? String(pair.unitId) : null,
      householdName: pair.household?.name ?? '',
      pairedAt: pair.pairedAt.toISOString(),
    })),
  }
}
