import { AppError, ratingLabels, ratings, type Rating } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { fetchRatingLink, rateByLink } from '../../../api/intake'
import { Page } from '../../../components/Page'
import { Button } from '../../../ui/nutui'
import '../index.css'

/** The one-time link from the rating SMS: three large buttons, no account needed. */
export default function RateByLinkPage() {
  const code = useRouter().params.c ?? ''
  const [info, setInfo] = useState<{ number: string; title: string; statusLabel: string } | null>(null)
  const [message, setMessage] = useState('')
  useEffect(() => {
    fetchRatingLink(code).then(setInfo, (error: unknown) =>
      setMessage(error instanceof AppError ? error.message : '加载失败'),
    )
  }, [code])
  const rate = (rating: Rating) =>
    rateByLink(code, rating).then(
      () => {
        setInfo(null)
        setMessage('感谢您的评价！')
      },
      (error: unknown) => setMessage(error instanceof AppError ? error.message : '提交失败'),
    )
  return (
    <Page className="lookup">
      <View className="lookup-card">
        <Text className="lookup-title">评价办理结果</Text>
        {info && (
          <>
            <Text className="lookup-number">编号 {info.number}</Text>
            <Text className="lookup-line">{info.title}</Text>
            {ratings.map((rating) => (
              <Button
                key={rating}
                block
                className={`lookup-rate lookup-rate-${rating}`}
                onClick={() => void rate(rating)}
              >
                {ratingLabels[rating]}
              </Button>
            ))}
          </>
        )}
        {message && <Text className="lookup-message">{message}</Text>}
      </View>
    </Page>
  )
}
