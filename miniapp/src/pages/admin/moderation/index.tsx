import { Text, View } from '@tarojs/components'
import {
  decideEcho,
  decideSuggestion,
  fetchEchoModeration,
  fetchSuggestionModeration,
} from '../../../api/admin'
import { perform, useLoader } from '../../../admin/useLoader'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { Button } from '../../../ui/nutui'
import '../cases/index.css'

const reasonLabels: Record<string, string> = {
  spam: '垃圾广告',
  offensive: '不当言论',
  off_topic: '偏离主题',
}
const reasons = (list: string[]) => list.map((reason) => reasonLabels[reason] ?? reason).join('、')

/**
 * Reported echo-wall items and topic suggestions (hidden after 3 reports) waiting for a moderator:
 * restore or keep hidden. Every decision is logged on the server with who and when.
 */
export default function ModerationPage() {
  const echo = useLoader(fetchEchoModeration, [])
  const suggestions = useLoader(fetchSuggestionModeration, [])

  const decide = (action: () => Promise<unknown>) =>
    perform(action, {
      then: () => Promise.all([echo.reload(), suggestions.reload()]),
      onError: echo.setMessage,
    })
  const buttons = (onDecide: (decision: 'show' | 'hide') => Promise<unknown>) => (
    <View className="console-toolbar">
      <Button size="small" onClick={() => void decide(() => onDecide('show'))}>
        恢复显示
      </Button>
      <Button size="small" type="primary" onClick={() => void decide(() => onDecide('hide'))}>
        确认隐藏
      </Button>
    </View>
  )

  return (
    <ConsoleShell page="moderation" title="内容审核">
      <View className="review-card moderation-echo">
        <Text className="review-title">回音壁举报（{echo.data?.items.length ?? 0}）</Text>
        {echo.data?.items.map((item) => (
          <View key={item.caseId} className="review-row moderation-item">
            <Text>
              {item.number} {item.title}
            </Text>
            <Text>
              {item.reports} 次举报：{reasons(item.reasons)}
              {item.hidden ? '（已自动隐藏）' : ''}
            </Text>
            {buttons((decision) => decideEcho(item.caseId, decision, ''))}
          </View>
        ))}
      </View>
      <View className="review-card moderation-suggestions">
        <Text className="review-title">话题建议举报（{suggestions.data?.items.length ?? 0}）</Text>
        {suggestions.data?.items.map((item) => (
          <View key={item.id} className="review-row moderation-item">
            <Text>
              【{item.topicTitle}】{item.text}
            </Text>
            <Text>
              {item.reports} 次举报：{reasons(item.reasons)}
              {item.hidden ? '（已自动隐藏）' : ''}
            </Text>
            {buttons((decision) => decideSuggestion(item.id, decision, ''))}
          </View>
        ))}
      </View>
      {(echo.message || suggestions.message) && (
        <Text className="review-message">{echo.message || suggestions.message}</Text>
      )}
    </ConsoleShell>
  )
}
