import { FollowUpModel } from '../followUp/followUp.model'
import type { Types } from 'mongoose'

/**
 * Follow-up figures of a period (by sampling time), for the units in `scope` (null: all): the
 * follow-up rate is solved ÷ answered. A follow-up belongs to the unit that held the case.
 */
export async function followUpFigures(from: Date, to: Date, scope: Types.ObjectId[] | null) {
  const rows = await FollowUpModel.find(
    { sampledAt: { $gte: from, $lte: to }, ...(scope ? { unitId: { $in: scope } } : {}) },
    { answer: 1 },
  )
  const answered = rows.filter((row) => row.answer)
  const solved = answered.filter((row) => row.answer?.solved).length
  return {
    sampled: rows.length,
    answered: answered.length,
    solved,
    followUpRate: answered.length ? solved / answered.length : null,
    definition: '回访满意率 = 回访中群众确认问题仍已解决的数量 ÷ 已答复的回访数',
  }
}
