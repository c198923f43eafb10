import type { TimeState } from '@minqing/shared'

const pad = (value: number) => String(value).padStart(2, '0')

/** "3月11日 23:59" in China time, whatever the phone's zone. */
export function formatDeadline(iso: string | null | undefined): string {
  if (!iso) return '—'
  const china = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`
}

/** "2026-03-11 23:59" in China time (tables and ledgers, where the year matters). */
export function formatChinaTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const china = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  return `${china.getUTCFullYear()}-${pad(china.getUTCMonth() + 1)}-${pad(china.getUTCDate())} ${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`
}

/** "剩余2天3小时" / "超期5小时" */
export function formatTimeLeft(state: { state: TimeState; msLeft: number } | null): string {
  if (!state) return ''
  const minutes = Math.floor(Math.abs(state.msLeft) / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const text =
    days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${minutes % 60}分` : `${minutes % 60}分钟`
  return state.state === 'overdue' ? `超期${text}` : `剩余${text}`
}

export const timeStateLabels: Record<TimeState, string> = {
  on_time: '正常',
  warning: '预警',
  overdue: '超期',
}
