import { AppError, chinaDate, type PublicDutyNotice } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { fetchDutyNotice } from '../../../api/campaigns'
import { Page } from '../../../components/Page'
import '../index.css'

const weekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']

/** "3月16日 星期一" from "2026-03-16", as a notice on a wall would say it. */
function noticeDate(day: string): string {
  const date = new Date(`${day}T12:00:00+08:00`)
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 ${weekdays[date.getUTCDay()]}`
}

/**
 * The public 开门接访 notice (公示) for one unit: who receives the public on which day, and where.
 * Opened without an account (a QR code at the service hall, a link in the WeChat group).
 */
export default function DutyNoticePage() {
  const { params } = useRouter()
  const [notice, setNotice] = useState<PublicDutyNotice | null>(null)
  const [message, setMessage] = useState('')
  const today = chinaDate(new Date()).format('YYYY-MM-DD')

  useEffect(() => {
    if (!params.unitId) {
      setMessage('链接不完整，请重新扫码')
      return
    }
    fetchDutyNotice(params.unitId)
      .then(setNotice)
      .catch((error: unknown) =>
        setMessage(error instanceof AppError ? error.message : '暂时无法读取，请稍后再试'),
      )
  }, [params.unitId])

  return (
    <Page className="lookup">
      {notice && (
        <View className="lookup-card">
          <Text className="lookup-title">{notice.unitName}开门接访安排</Text>
          <Text className="lookup-note">领导干部值班接待群众来访，有诉求可直接前来反映。</Text>
          {notice.days.length === 0 && (
            <Text className="lookup-line">近两周暂无接访安排，可先通过“我要反映”或拨打热线反映诉求。</Text>
          )}
          {notice.days.map((day) => (
            <View key={day.date} className="lookup-duty-day">
              <Text className="lookup-duty-date">
                {noticeDate(day.date)}
                {day.date === today ? '（今天）' : ''}
              </Text>
              <Text className="lookup-line">值班领导：{day.leaderName ?? '值班领导'}</Text>
              <Text className="lookup-line">接待地点：{day.place || '本单位接待室'}</Text>
            </View>
          ))}
          <Text className="lookup-note">公示近两周（14 天）的安排，如有调整以当天公示为准。</Text>
        </View>
      )}
      {message && <Text className="lookup-message">{message}</Text>}
    </Page>
  )
}
