import { describe, expect, it } from 'vitest'
import { china2026 } from '../calendar/china2026'
import {
  defaultCampaignQuotas,
  dutyGaps,
  quotaStanding,
  weeklyReceptions,
  type CampaignQuota,
} from './quotas'

const cst = (text: string) => new Date(`${text}+08:00`)
const period = { startsOn: '2026-03-01', endsOn: '2026-08-31' }
const none: CampaignQuota = {
  households: 0,
  researchDays: 0,
  receptions: 0,
  problemsFound: 0,
  problemsResolved: 0,
  talks: 0,
  onlineExchanges: 0,
}

describe('campaign quotas as seed 004 states them', () => {
  it('defaults: bureau leaders a month of research, 40 households and 6 receptions; unit leaders 20; cadres half a month and 15', () => {
    expect(defaultCampaignQuotas.bureauLeader).toMatchObject({
      researchDays: 30,
      households: 40,
      receptions: 6,
    })
    expect(defaultCampaignQuotas.unitLeader.households).toBe(20)
    expect(defaultCampaignQuotas.cadre).toMatchObject({ researchDays: 15, households: 15 })
  })

  it('names each metric a member is behind on, against the share of the period gone', () => {
    const quota = defaultCampaignQuotas.bureauLeader
    // Half-way through (about 1 June): 20 households and 15 days expected, 3 receptions.
    const done = {
      ...none,
      households: 25,
      researchDays: 10,
      receptions: 3,
      talks: 1,
      onlineExchanges: 1,
      problemsFound: 3,
      problemsResolved: 3,
    }
    const standing = quotaStanding(done, quota, period, cst('2026-06-01T00:00:00'))
    expect(standing.behindOn).toEqual(['researchDays'])
    expect(standing.metrics.households).toEqual({ done: 25, quota: 40, ratio: 25 / 40, met: false })
    expect(standing.metrics.talks.met).toBe(true)
    // A quota of 0 is always met and never behind.
    expect(quotaStanding(none, none, period, cst('2026-08-31T20:00:00')).behind).toBe(false)
  })

  it('counts receptions per China-time week; the running week is not yet missed', () => {
    const result = weeklyReceptions(
      [cst('2026-03-02T09:00:00'), cst('2026-03-08T23:30:00'), cst('2026-03-16T10:00:00')],
      { startsOn: '2026-03-02', endsOn: '2026-03-31' },
      cst('2026-03-24T12:00:00'),
      1,
    )
    expect(result.weeks).toEqual([
      { weekOf: '2026-03-02', receptions: 2, met: true },
      { weekOf: '2026-03-09', receptions: 0, met: false },
      { weekOf: '2026-03-16', receptions: 1, met: true },
      { weekOf: '2026-03-23', receptions: 0, met: null },
    ])
    expect(result.missedWeeks).toBe(1)
  })

  it('finds the working days without a duty leader, skipping weekends and holidays but not make-up workdays', () => {
    // 2026: 劳动节 1–5 May off, Saturday 9 May a make-up working day.
    const gaps = dutyGaps(
      { startsOn: '2026-04-30', endsOn: '2026-05-11' },
      china2026,
      new Set(['2026-04-30', '2026-05-06']),
    )
    expect(gaps).toEqual(['2026-05-07', '2026-05-08', '2026-05-09', '2026-05-11'])
  })
})
