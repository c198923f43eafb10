import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { fetchEchoWall, reportEchoItem, type EchoItem } from '../../../api/review'
import { Page } from '../../../components/Page'
import { Button, Empty, Input } from '../../../ui/nutui'
import '../review.css'

/** 回音壁: what residents raised and how units answered, searchable; an item can be reported. */
export default function EchoWallPage() {
  const [items, setItems] = useState<EchoItem[]>([])
  const [q, setQ] = useState('')
  const [message, setMessage] = useState('')
  const load = (query = q) =>
    fetchEchoWall(query)
      .then((body) => setItems(body.items))
      .catch((error: unknown) => setMessage(error instanceof AppError ? error.message : '加载失败'))
  useDidShow(() => void load())

  async function report(id: string) {
    try {
      await reportEchoItem(id)
      setMessage('已举报，管理员将审核')
    } catch (error) {
      setMessage(
        error instanceof AppError && error.code === 'DUPLICATE' ? '您已举报过' : '举报失败，请登录后重试',
      )
    }
  }

  return (
    <Page>
      <View className="review-card">
        <Input
          name="echoSearch"
          placeholder="搜索诉求内容"
          value={q}
          onChange={(value: string) => setQ(value)}
        />
        <Button size="small" onClick={() => void load()}>
          搜索
        </Button>
      </View>
      {items.length === 0 && <Empty description="暂无内容" />}
      {items.map((item) => (
        <View key={item.id} className="review-card echo-item">
          <Text className="review-title">{item.title}</Text>
          <Text className="review-definition">
            {item.kindLabel} · {item.categoryName ?? ''} · {item.unitName ?? ''}
          </Text>
          <Text>{item.description}</Text>
          {item.reply && <Text className="echo-reply">答复：{item.reply}</Text>}
          <Text className="review-definition" onClick={() => void report(item.id)}>
            举报不当内容
          </Text>
        </View>
      ))}
      {message && <Text className="review-message">{message}</Text>}
    </Page>
  )
}
