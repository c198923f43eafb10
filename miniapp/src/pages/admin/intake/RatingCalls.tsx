import { intakeChannelLabels, ratingLabels, ratings, type IntakeChannel } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { fetchRatingCalls, recordFollowUpRating, recordNoAnswer } from '../../../api/intake'
import { perform, useLoader } from '../../../admin/useLoader'
import { Button } from '../../../ui/nutui'

/**
 * 回访评价: callers who did not answer the rating SMS are called back; the operator records the
 * answer (how it was obtained: 本人接听) or that nobody answered (one attempt of the policy).
 */
export function RatingCalls() {
  const { data, message, reload, setMessage } = useLoader(fetchRatingCalls, [])
  return (
    <View className="intake-calls">
      {data?.length === 0 && <Text className="console-note">暂无待回访的诉求</Text>}
      {data?.map((item) => (
        <View key={item.caseId} className="review-card intake-call">
          <Text className="review-title">
            {item.number} {item.title}
          </Text>
          <Text className="console-note">
            {intakeChannelLabels[item.channel as IntakeChannel] ?? item.channel} · {item.caller.name}{' '}
            {item.caller.phone} · 已发评价短信 {item.smsSent} 次，已回访 {item.callsMade} 次
          </Text>
          <View className="intake-call-actions">
            {ratings.map((rating) => (
              <Button
                key={rating}
                size="small"
                onClick={() =>
                  void perform(() => recordFollowUpRating(item.caseId, rating, '本人接听'), {
                    done: '已记录',
                    then: reload,
                    onError: setMessage,
                  })
                }
              >
                {ratingLabels[rating]}
              </Button>
            ))}
            <Button
              size="small"
              onClick={() =>
                void perform(() => recordNoAnswer(item.caseId), {
                  done: '已记录',
                  then: reload,
                  onError: setMessage,
                })
              }
            >
              未接通
            </Button>
          </View>
        </View>
      ))}
      {message && <Text className="review-message">{message}</Text>}
    </View>
  )
}
