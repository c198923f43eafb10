/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.css'

/** Injected at build time (config/index.ts): '' on H5 (same origin), the server URL on weapp. */
declare const API_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony' | 'jdrn'
  }
}
declare module '*.svg'
