import { Picker, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { fetchCalendar, fetchCalendarStatus, resetCalendarYear, saveCalendar } from '../../../api/admin'
import { perform, useLoader } from '../../../admin/useLoader'
import { CalendarWarning } from '../../../components/CalendarWarning'
import { Chips } from '../../../components/Chips'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { Button } from '../../../ui/nutui'
import '../cases/index.css'
import './index.css'
import { SettingSource } from './SettingSource'
import { TimeLimitsCard } from './TimeLimitsCard'

type Kind = 'holidays' | 'workdays'
const kinds: Array<{ value: Kind; label: string }> = [
  { value: 'holidays', label: '放假（不计工作日）' },
  { value: 'workdays', label: '调休上班（周末计工作日）' },
]

/**
 * The year's official arrangement that working-day deadlines use: holidays and make-up working
 * days. Edits are kept locally until saved; the server checks every date is real and in the year.
 * A district admin edits their district's own copy (a local 调休 day) and may go back to the
 * city's; the time limits above show the same way (issue 16).
 */
export default function CalendarPage() {
  const thisYear = dayjs().year()
  const [year, setYear] = useState(thisYear)
  const [kind, setKind] = useState<Kind>('holidays')
  const [saved, setSaved] = useState(0)
  const { data, message, setMessage } = useLoader(() => fetchCalendar(year), [year, saved])
  const status = useLoader(() => fetchCalendarStatus(), [saved]).data
  const [draft, setDraft] = useState<{ holidays: string[]; workdays: string[] }>({
    holidays: [],
    workdays: [],
  })
  useEffect(() => {
    if (data) setDraft({ holidays: data.holidays, workdays: data.workdays })
  }, [data])

  const add = (date: string) =>
    setDraft((current) => ({ ...current, [kind]: [...new Set([...current[kind], date])].sort() }))
  const remove = (which: Kind, date: string) =>
    setDraft((current) => ({ ...current, [which]: current[which].filter((entry) => entry !== date) }))

  const save = () =>
    perform(() => saveCalendar(year, draft), {
      done: '已保存',
      then: () => {
        setMessage('')
        setSaved((count) => count + 1)
      },
      onError: setMessage,
    })

  const reset = () =>
    perform(() => resetCalendarYear(year), {
      done: '已恢复市级设置',
      then: () => setSaved((count) => count + 1),
      onError: setMessage,
    })

  return (
    <ConsoleShell page="calendar" title="节假日安排">
      <CalendarWarning key={saved} link={false} />
      <TimeLimitsCard />
      <Text className="console-note calendar-confirmed">
        已确认年份：
        {status?.confirmedYears.length ? status.confirmedYears.map((entry) => `${entry}年`).join('、') : '无'}
      </Text>
      {!!status?.ownYears.length && (
        <Text className="console-note calendar-own">
          本区县单独设置：{status.ownYears.map((entry) => `${entry}年`).join('、')}
        </Text>
      )}
      <Chips
        items={[thisYear, thisYear + 1].map((value) => ({ value: String(value), label: `${value}年` }))}
        value={String(year)}
        onChange={(value) => setYear(Number(value))}
      />
      {data && (
        <View className="calendar-source">
          <SettingSource
            appliesTo={data.appliesTo}
            source={data.source}
            what={`${year}年节假日安排`}
            hint="修改并保存后即为本区县设置"
            onReset={reset}
          />
        </View>
      )}
      <View className="console-form">
        <Chips items={kinds} value={kind} onChange={(value) => setKind(value as Kind)} />
        <Picker
          mode="date"
          value={`${year}-01-01`}
          start={`${year}-01-01`}
          end={`${year}-12-31`}
          onChange={(event) => add(event.detail.value)}
        >
          <Text className="console-picker">＋ 添加日期</Text>
        </Picker>
        <Button size="small" type="primary" onClick={() => void save()}>
          保存
        </Button>
      </View>
      {data && !data.confirmed && (
        <Text className="console-note calendar-provisional">
          {year}
          年尚未录入：期限暂按周末和固定日期法定节假日（元旦、劳动节、国庆节）计算，春节等农历节日和调休未计入。请按国务院办公厅通知录入全部放假和调休日期后保存。
        </Text>
      )}
      {kinds.map((entry) => (
        <View key={entry.value} className={`review-card calendar-${entry.value}`}>
          <Text className="review-title">
            {entry.label}（{draft[entry.value].length} 天）
          </Text>
          <View className="calendar-dates">
            {draft[entry.value].map((date) => (
              <Text key={date} className="calendar-date" onClick={() => remove(entry.value, date)}>
                {date} ✕
              </Text>
            ))}
          </View>
        </View>
      ))}
      <Text className="console-note">点击日期可移除；保存后新的期限按新安排计算，已有期限不变。</Text>
      {message && <Text className="review-message">{message}</Text>}
    </ConsoleShell>
  )
}
