import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { consolePagesFor, mayOpen } from '../../admin/consolePages'
import { useCurrentUser } from '../../session/useSession'
import { Page } from '../Page'
import './index.css'

/**
 * The admin console's frame: a menu of the pages the role may open (a sidebar on a desktop
 * screen, a scrolling strip on a phone) and the page itself; a role without access sees why.
 */
export function ConsoleShell({ page, title, children }: PropsWithChildren<{ page: string; title: string }>) {
  const user = useCurrentUser()
  if (!user) return <Page />
  const allowed = mayOpen(user.role, page)
  return (
    <Page className="console">
      <View className="console-menu">
        {consolePagesFor(user.role).map((entry) => (
          <Text
            key={entry.key}
            className={`console-menu-item ${entry.key === page ? 'console-menu-current' : ''}`}
            onClick={() => {
              if (entry.key === page) return
              const inConsole = entry.url.startsWith('/pages/admin/')
              void (inConsole ? Taro.redirectTo({ url: entry.url }) : Taro.navigateTo({ url: entry.url }))
            }}
          >
            {entry.title}
          </Text>
        ))}
      </View>
      <View className="console-main">
        <Text className="console-title">{title}</Text>
        {allowed ? children : <Text className="console-denied">无权访问此页面 / Not allowed</Text>}
      </View>
    </Page>
  )
}
