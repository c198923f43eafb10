import Taro from '@tarojs/taro'
import type { Transport, Uploader } from './request'

/** Taro.request works in both the mini-program and H5; it rejects only on network failure. */
export const taroTransport: Transport = async (request) => {
  // wx.request has no PATCH: tunnel it through POST (the server honours the override header).
  const tunnel = request.method === 'PATCH' && process.env.TARO_ENV === 'weapp'
  const response = await Taro.request({
    url: request.url,
    method: tunnel ? 'POST' : request.method,
    data: request.data as Taro.request.Option['data'],
    header: tunnel ? { ...request.header, 'X-HTTP-Method-Override': 'PATCH' } : request.header,
    timeout: 15_000,
    dataType: 'json',
  })
  return { statusCode: response.statusCode, data: response.data }
}

export const taroUploader: Uploader = async (request) => {
  const response = await Taro.uploadFile({
    url: request.url,
    filePath: request.filePath,
    name: 'file',
    header: request.header,
  })
  return { statusCode: response.statusCode, data: response.data }
}
