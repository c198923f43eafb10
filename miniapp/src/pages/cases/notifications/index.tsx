import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { fetchNotifications, markNotificationRead, type NotificationView } from '../../../api/cases'
import { formatDeadline } from '../../../cases/format'
import { Page } from '../../../components/Page'
import { Empty } from '../../../ui/nutui'
import '../cases.css'

/** The in-app inbox: every change to a case that concerns the user; tapping opens the case. */
export default function NotificationsPage() {
  const [items, setItems] = useState<NotificationView[] | null>(null)
  const [message, setMessage] = useState('')

  useDidShow(() => {
    fetchNotifications()
      .then((body) => setItems(body.items))
      .catch((error: unknown) => setMessage(error instanceof AppError ? error.message : '加载失败'))
  })

  async function open(item: NotificationView) {
    if (!item.read) await markNotificationRead(item.id).catch(() => undefined)
    const url = item.caseId ? `/pages/cases/detail/index?id=${item.caseId}` : item.url
    if (url) await Taro.navigateTo({ url })
  }

  return (
    <Page>
      {message && <Text className="case-message">{message}</Text>}
      {items?.length === 0 && <Empty description="暂无消息" />}
      {items?.map((item) => (
        <View
          key={item.id}
          className={`case-card notification ${item.read ? '' : 'notification-unread'}`}
          onClick={() => void open(item)}
        >
          <Text className="case-card-title">
            {item.read ? '' : '● '}
            {item.title}
          </Text>
          <Text className="case-card-meta">{item.body}</Text>
          <Text className="case-card-meta">{formatDeadline(item.createdAt)}</Text>
        </View>
      ))}
    </Page>
  )
}
