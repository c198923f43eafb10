import {
  formOfAddress,
  plainTime,
  timeStandardText,
  type PlaceholderValues,
  type TimeLimits,
  type Urgency,
} from '@minqing/shared'
import type { CaseDocument } from '../cases/case.model'
import { CategoryModel } from '../categories/category.model'
import { IntakeCallModel } from '../intake/intakeCall.model'
import { UnitModel } from '../units/unit.model'
import { UserModel } from '../users/user.model'

/**
 * The placeholder values of one case. The resident appears only as a form of address
 * ("张先生/女士"): an operator-filed case names the caller, an anonymous one says "您".
 */
export async function placeholderValues(
  record: CaseDocument,
  limits: TimeLimits,
  /** The case's intake call (`null`: there is none), when the caller read it already. */
  known: { call?: IntakeCaller | null } = {},
): Promise<PlaceholderValues> {
  const [unit, category, name] = await Promise.all([
    record.unitId ? UnitModel.findById(record.unitId, { name: 1 }).lean() : null,
    CategoryModel.findOne({ code: record.categoryCode }, { name: 1 }).lean(),
    residentName(record, known.call),
  ])
  const answerBy = record.deadlines.answerBy ?? record.deadlines.expectedAnswerBy ?? null
  return {
    案件编号: record.number,
    责任单位: unit?.name,
    分类: category?.name,
    签收时限: record.deadlines.acceptBy ? plainTime(record.deadlines.acceptBy) : undefined,
    办理时限: answerBy ? plainTime(answerBy) : undefined,
    时限标准: timeStandardText({
      urgency: record.urgency as Urgency,
      limits,
      acceptBy: record.deadlines.acceptBy ?? null,
      expectedAnswerBy: record.deadlines.expectedAnswerBy ?? null,
    }),
    反映人称呼: formOfAddress(name),
  }
}

/** What the form of address needs of an intake call. */
interface IntakeCaller {
  caller?: { name?: string | null } | null
}

async function residentName(record: CaseDocument, known?: IntakeCaller | null): Promise<string | null> {
  if (record.anonymous) return null
  const call = known !== undefined ? known : await IntakeCallModel.findById(record._id, { caller: 1 }).lean()
  if (call) return call.caller?.name ?? null
  return (await UserModel.findById(record.createdBy, { name: 1 }).lean())?.name ?? null
}
