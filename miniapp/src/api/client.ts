import Taro from '@tarojs/taro'
import { sessionStore } from '../session/sessionStore'
import { createApiClient } from './request'
import { taroTransport } from './taroTransport'

export const api = createApiClient({
  baseUrl: API_BASE,
  transport: taroTransport,
  session: sessionStore,
  onSessionLost: () => {
    void Taro.reLaunch({ url: '/pages/login/index' })
  },
})
