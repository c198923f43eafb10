import type { Session } from '@minqing/shared'
import Taro from '@tarojs/taro'
import type { SessionStore } from '../api/request'

const key = 'minqing.session'

/** The session lives in the platform storage (wx storage / localStorage), so a restart keeps it. */
export const sessionStore: SessionStore = {
  get() {
    const value = Taro.getStorageSync(key) as Session | '' | undefined
    return value ? value : null
  },
  set(session) {
    if (session) Taro.setStorageSync(key, session)
    else Taro.removeStorageSync(key)
  },
}
