import dayjs from 'dayjs'

export type PeriodKey = 'thisMonth' | 'lastMonth' | 'thisYear'

export const periodLabels: Record<PeriodKey, string> = {
  thisMonth: '本月',
  lastMonth: '上月',
  thisYear: '本年',
}

/** The period's first and last day (YYYY-MM-DD), as the statistics API takes them. */
export function periodDays(key: PeriodKey, today = dayjs()): { from: string; to: string } {
  const month = key === 'lastMonth' ? today.subtract(1, 'month') : today
  const start = key === 'thisYear' ? today.startOf('year') : month.startOf('month')
  const end = key === 'thisYear' ? today.endOf('year') : month.endOf('month')
  return { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') }
}

/** A rate for people: "87.5%", or "—" when there was nothing to divide. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`)
