import { roleLabels } from '@minqing/shared'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { fetchNotifications } from '../../api/cases'
import { fetchFollowUps } from '../../api/followUps'
import { Page } from '../../components/Page'
import { entriesFor, followUpEntry, type HomeEntry } from '../../home/entries'
import { entryIcon } from '../../home/entryIcons'
import { sessionStore } from '../../session/sessionStore'
import { useCurrentUser } from '../../session/useSession'
import './index.css'

export default function HomePage() {
  const user = useCurrentUser()
  const [unread, setUnread] = useState(0)
  const [followUps, setFollowUps] = useState(0)
  useDidShow(() => {
    // A fresh start without a session goes to login (useCurrentUser): asking first would only
    // earn a 401 in the console and the server's log on every first visit.
    if (!sessionStore.get()) return
    fetchNotifications()
      .then((body) => setUnread(body.unread))
      .catch(() => undefined)
    // A count on the home is a hint only: the 回头看 page itself says when it cannot load.
    if (sessionStore.get()?.user.role === 'resident')
      fetchFollowUps()
        .then((items) => setFollowUps(items.length))
        .catch(() => setFollowUps(0))
  })
  if (!user) return <Page />
  const counts: Record<string, number> = { followUps }
  const entries: HomeEntry[] = [
    ...entriesFor(user.role),
    ...(user.role === 'resident' && followUps > 0 ? [followUpEntry] : []),
  ]

  return (
    <Page>
      <View className="home-header">
        <View>
          <Text className="home-greeting">您好，{user.name}</Text>
          <Text className="home-role">{roleLabels[user.role]}</Text>
        </View>
        <View className="home-links">
          <View
            className="home-profile-link home-notifications-link"
            onClick={() => void Taro.navigateTo({ url: '/pages/cases/notifications/index' })}
          >
            消息{unread > 0 ? `（${unread}）` : ''}
          </View>
          <View
            className="home-profile-link"
            onClick={() => void Taro.navigateTo({ url: '/pages/profile/index' })}
          >
            我的
          </View>
        </View>
      </View>
      <Text className="home-section-title">常用功能</Text>
      <View className="home-tiles">
        {entries.map((entry) => (
          <View
            key={entry.key}
            className={`home-entry home-entry-${entry.key}`}
            role="button"
            onClick={() =>
              entry.url
                ? void Taro.navigateTo({ url: entry.url })
                : void Taro.showToast({ title: '功能建设中，敬请期待', icon: 'none' })
            }
          >
            <Image className="home-entry-icon" src={entryIcon(entry.key)} imgProps={{ alt: '' }} />
            <Text className="home-entry-title">{entry.title}</Text>
            {(counts[entry.key] ?? 0) > 0 && (
              <Text className="home-entry-count" aria-label={`待回答 ${counts[entry.key]} 件`}>
                {counts[entry.key]}
              </Text>
            )}
            <Text className="home-entry-description">{entry.description}</Text>
          </View>
        ))}
      </View>
    </Page>
  )
}
