import Taro from '@tarojs/taro'
import { sessionStore } from '../session/sessionStore'
import { createApiClient } from './request'
import { taroTransport, taroUploader } from './taroTransport'

export const api = createApiClient({
  baseUrl: API_BASE,
  transport: taroTransport,
  uploader: taroUploader,
  session: sessionStore,
  onSessionLost: () => {
    void Taro.reLaunch({ url: '/pages/login/index' })
  },
})
