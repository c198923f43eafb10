import { urgencies, urgencyLabels, type TimeLimit } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { fetchTimeLimits, resetTimeLimits } from '../../../api/admin'
import { perform, useLoader } from '../../../admin/useLoader'
import { SettingSource } from './SettingSource'

const limitText = (limit: TimeLimit) =>
  'hours' in limit ? `${limit.hours} 小时` : `${limit.workingDays} 个工作日`

/** The time limits new deadlines use in the admin's district, and whether they are its own. */
export function TimeLimitsCard() {
  const { data, message, setMessage, reload } = useLoader(() => fetchTimeLimits(), [])
  if (!data) return message ? <Text className="review-message">{message}</Text> : null
  const reset = () =>
    perform(() => resetTimeLimits(), { done: '已恢复市级设置', then: reload, onError: setMessage })
  return (
    <View className="review-card time-limits">
      <Text className="review-title">办理时限</Text>
      <SettingSource appliesTo={data.appliesTo} source={data.source} what="办理时限" onReset={reset} />
      <Text className="console-note">签收：{data.acceptHours} 小时内</Text>
      {urgencies.map((urgency) => (
        <Text key={urgency} className="console-note">
          {urgencyLabels[urgency]}：{limitText(data.answer[urgency])}内答复
        </Text>
      ))}
      <Text className="console-note">
        用时达 {Math.round(data.warnShare * 100)}% 预警；办结后 {data.ratingWindowDays} 天内评价
      </Text>
      {message && <Text className="review-message">{message}</Text>}
    </View>
  )
}
