import type { User } from '@minqing/shared'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { fetchMe } from '../api/auth'
import { sessionStore } from './sessionStore'

/**
 * The signed-in user for a page: shown at once from the stored session, refreshed from /me each
 * time the page shows. Without a session the page sends the user to login.
 */
export function useCurrentUser(): User | null {
  const [user, setUser] = useState<User | null>(() => sessionStore.get()?.user ?? null)
  useDidShow(() => {
    const session = sessionStore.get()
    if (!session) {
      void Taro.reLaunch({ url: '/pages/login/index' })
      return
    }
    fetchMe()
      .then((me) => {
        setUser(me)
        sessionStore.set({ ...session, ...sessionStore.get(), user: me })
      })
      .catch(() => undefined)
  })
  return user
}
