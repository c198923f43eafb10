import { describe, expect, it } from 'vitest'
import { visitInputSchema } from './schemas'
import { householdKey, quotaProgress, visitDateProblem } from './rules'

const cst = (text: string) => new Date(`${text}+08:00`)
const campaign = { startsOn: '2026-03-01', endsOn: '2026-08-31' }

describe('visit date rules', () => {
  it('accepts past visits recorded offline, refuses the future beyond clock skew', () => {
    const now = cst('2026-03-10T12:00:00')
    expect(visitDateProblem(cst('2026-03-02T09:00:00'), now)).toBeNull()
    expect(visitDateProblem(cst('2026-03-10T12:04:00'), now)).toBeNull()
    expect(visitDateProblem(cst('2026-03-10T12:06:00'), now)).toBe('future')
  })

  it('refuses dates outside the campaign, counting whole China-time days', () => {
    const now = cst('2026-09-10T12:00:00')
    expect(visitDateProblem(cst('2026-03-01T00:10:00'), now, campaign)).toBeNull()
    expect(visitDateProblem(cst('2026-02-28T23:50:00'), now, campaign)).toBe('beforeCampaign')
    expect(visitDateProblem(cst('2026-08-31T23:50:00'), now, campaign)).toBeNull()
    expect(visitDateProblem(cst('2026-09-01T00:10:00'), now, campaign)).toBe('afterCampaign')
  })
})

describe('quota progress', () => {
  const visit = (at: string, name: string, address = '幸福村3组') => ({
    visitedAt: cst(at),
    household: { name, address },
  })
  const quota = { households: 15, researchDays: 4, problemsResolved: 1 }

  it('counts distinct households and field days, however names are typed', () => {
    const visits = [
      visit('2026-03-02T09:00:00', '张三'),
      visit('2026-03-02T15:00:00', ' 张 三 '),
      visit('2026-03-03T09:00:00', '李四'),
    ]
    const progress = quotaProgress(visits, 0, quota, campaign, cst('2026-03-04T00:00:00'))
    expect(progress.households).toEqual({ done: 2, quota: 15, ratio: 2 / 15, met: false })
    expect(progress.researchDays.done).toBe(2)
    expect(householdKey({ name: 'Ｚhang San', address: '1号' })).toBe(
      householdKey({ name: 'zhang  san', address: '1号' }),
    )
  })

  it('is behind when a metric trails the share of the period already gone', () => {
    const visits = Array.from({ length: 5 }, (_, i) => visit(`2026-03-0${i + 2}T09:00:00`, `户${i}`))
    const early = quotaProgress(visits, 0, quota, campaign, cst('2026-03-20T00:00:00'))
    expect(early.behind).toBe(false) // 5/15 households and 0/1 problems with ~11% of the time gone
    const late = quotaProgress(visits, 0, quota, campaign, cst('2026-07-20T00:00:00'))
    expect(late.behind).toBe(true)
    expect(late.elapsedShare).toBeGreaterThan(0.7) // 5 < ⌊15 × 0.77⌋ households
    const done = quotaProgress(
      Array.from({ length: 15 }, (_, i) => visit(`2026-03-0${(i % 4) + 2}T09:00:00`, `户${i}`)),
      1,
      quota,
      campaign,
      cst('2026-08-31T12:00:00'),
    )
    expect(done.behind).toBe(false)
    expect([done.households.met, done.researchDays.met, done.problemsResolved.met]).toEqual([
      true,
      true,
      true,
    ])
  })
})

describe('visit schema', () => {
  it('accepts the wire codes of the issue and refuses a visit without purpose', () => {
    const visit = {
      clientId: 'visit-0001-abcd',
      visitedAt: '2026-03-02T09:00:00+08:00',
      household: { name: '王大爷', address: '幸福村3组12号', tags: ['needy', 'veteranPartyMember', '独居'] },
      purposes: ['visiting', 'doingPracticalThings'],
      notes: '屋顶漏雨',
      problems: [{ categoryCode: 'housing.repair', title: '屋顶漏雨', description: '下雨天屋里漏雨严重' }],
    }
    const parsed = visitInputSchema.parse(visit)
    expect(parsed).toMatchObject({ revision: 1, photos: [], followUp: { needed: false } })
    expect(parsed.problems[0]!.kind).toBe('help')
    const noPurpose = visitInputSchema.safeParse({ ...visit, purposes: [] })
    expect(noPurpose.success).toBe(false)
    expect(visitInputSchema.safeParse({ ...visit, purposes: ['sightseeing'] }).success).toBe(false)
  })
})
