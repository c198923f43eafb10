import type { HouseholdPage } from '@minqing/shared'
import { CaseModel } from '../cases/case.model'
import { FollowUpModel } from '../followUp/followUp.model'
import { PairModel } from '../pairs/pair.model'
import { CaseSubjectModel, RepeatConcernModel } from '../repeatConcerns/repeatConcern.model'
import { UserModel } from '../users/user.model'
import { VisitModel } from '../visits/visit.model'
import type { HouseholdDocument } from './household.model'
import { presentHouseholdSummary } from './presentHousehold'

/**
 * 民情档案: every visit linked to the household (whoever recorded it), the cases raised on those
 * visits or filed about the household (by its link or its phone hash), their follow-ups and the
 * pairs of staff with it. The viewer's right to the household was checked by the caller.
 */
export async function householdPage(household: HouseholdDocument): Promise<HouseholdPage> {
  const visits = await VisitModel.find({ householdId: household._id })
    .sort({ visitedAt: -1, _id: -1 })
    .limit(200)
  const subjectFilters: object[] = [{ householdId: household._id }]
  if (household.phoneHash) subjectFilters.push({ phoneHash: household.phoneHash })
  const subjects = (
    await Promise.all(subjectFilters.map((filter) => CaseSubjectModel.find(filter, { caseId: 1 }).limit(200)))
  ).flat()
  const caseIds = [
    ...new Set([
      ...visits.flatMap((visit) => (visit.problemCaseIds ?? []).map(String)),
      ...subjects.map((subject) => String(subject.caseId)),
    ]),
  ]
  // Reads by _id, not one $in: FerretDB never pushes $in down and would scan every case.
  const cases = (await Promise.all(caseIds.slice(0, 200).map((id) => CaseModel.findById(id))))
    .filter((record): record is NonNullable<typeof record> => record !== null)
    .sort(
      (a, b) =>
        b.submittedAt.getTime() - a.submittedAt.getTime() || String(b._id).localeCompare(String(a._id)),
    )
  const repeats = caseIds.length
    ? new Set(
        (await RepeatConcernModel.find({ caseId: { $in: caseIds } }, { caseId: 1 })).map((flag) =>
          String(flag.caseId),
        ),
      )
    : new Set<string>()
  const followUps = caseIds.length
    ? await FollowUpModel.find({ caseId: { $in: caseIds } }).sort({ sampledAt: -1, _id: -1 })
    : []
  const pairs = await PairModel.find({ householdKey: household.householdKey }).sort({ pairedAt: -1, _id: -1 })
  const people = new Map(
    (
      await UserModel.find(
        { _id: { $in: [...visits.map((visit) => visit.createdBy), ...pairs.map((pair) => pair.staffId)] } },
        { name: 1 },
      )
    ).map((user) => [String(user._id), user.name]),
  )
  return {
    ...presentHouseholdSummary(household),
    members: household.members.map((member) => ({
      name: member.name ?? '',
      relation: member.relation as HouseholdPage['members'][number]['relation'],
      ageBand: member.ageBand as HouseholdPage['members'][number]['ageBand'],
      tags: member.tags as HouseholdPage['members'][number]['tags'],
    })),
    visits: visits.map((visit) => {
      const content = visit.content as { purposes?: string[]; notes?: string }
      return {
        id: String(visit._id),
        visitedAt: visit.visitedAt.toISOString(),
        createdBy: String(visit.createdBy),
        createdByName: people.get(String(visit.createdBy)) ?? '',
        purposes: content.purposes ?? [],
        notes: content.notes ?? '',
        problemCaseIds: (visit.problemCaseIds ?? []).map(String),
      }
    }),
    cases: cases.map((record) => ({
      id: String(record._id),
      number: record.number,
      title: record.title,
      status: record.status,
      categoryCode: record.categoryCode,
      submittedAt: record.submittedAt.toISOString(),
      closedAt: record.closedAt ? record.closedAt.toISOString() : null,
      repeat: repeats.has(String(record._id)),
    })),
    followUps: followUps.map((followUp) => ({
      caseId: String(followUp.caseId),
      sampledAt: followUp.sampledAt.toISOString(),
      solved: followUp.answer?.solved ?? null,
      comment: followUp.answer?.comment ?? null,
    })),
    pairs: pairs.map((pair) => ({
      id: String(pair._id),
      staffId: String(pair.staffId),
      staffName: people.get(String(pair.staffId)) ?? '',
      pairedAt: pair.pairedAt.toISOString(),
      endedAt: pair.endedAt ? pair.endedAt.toISOString() : null,
    })),
  }
}
