import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { fetchCalendarStatus } from '../../api/admin'
import { useLoader } from '../../admin/useLoader'
import './index.css'

/**
 * The missing-calendar warning (from 1 November for next year, always for the current year),
 * shown on the dashboard and the calendar page; a tap opens the calendar page.
 */
export function CalendarWarning({ link = true }: { link?: boolean }) {
  const { data } = useLoader(() => fetchCalendarStatus(), [])
  return <CalendarWarningText warning={data?.warning ?? null} link={link} />
}

/** The warning itself, for a page that loads the calendar status with the rest of its data. */
export function CalendarWarningText({ warning, link = true }: { warning: string | null; link?: boolean }) {
  if (!warning) return null
  return (
    <Text
      className="calendar-warning"
      onClick={() => link && void Taro.navigateTo({ url: '/pages/admin/calendar/index' })}
    >
      ⚠ {warning}
      {link ? ' 去录入 →' : ''}
    </Text>
  )
}
