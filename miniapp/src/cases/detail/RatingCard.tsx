import { ratingLabels, ratings, type Rating } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button, TextArea } from '../../ui/nutui'

/** The resident's main action once the unit has finished: three large choices and a comment. */
export function RatingCard({
  busy,
  onRate,
}: {
  busy: boolean
  onRate: (rating: Rating, comment: string) => void
}) {
  const [comment, setComment] = useState('')
  return (
    <View className="case-rating-card">
      <Text className="case-rating-title">问题解决了吗？请为这次办理评价</Text>
      <Text className="case-card-meta">选“不满意”，诉求会退回承办单位重新办理，并由领导督办。</Text>
      <View className="case-rating-buttons">
        {ratings.map((rating: Rating) => (
          <Button
            key={rating}
            className={`case-rate case-rate-${rating}`}
            type={rating === 'satisfied' ? 'primary' : 'default'}
            loading={busy}
            onClick={() => onRate(rating, comment)}
          >
            {ratingLabels[rating]}
          </Button>
        ))}
      </View>
      <TextArea
        className="case-rating-comment"
        placeholder="还想说点什么？（选填）"
        value={comment}
        onChange={(value: string) => setComment(value)}
      />
    </View>
  )
}
