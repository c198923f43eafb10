import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

const key = 'minqing.elderMode'
const listeners = new Set<(enabled: boolean) => void>()

export function isElderMode(): boolean {
  return Taro.getStorageSync(key) === true
}

/** 适老化: larger type and higher contrast, remembered on the device. */
export function setElderMode(enabled: boolean): void {
  Taro.setStorageSync(key, enabled)
  for (const listener of listeners) listener(enabled)
}

export function useElderMode(): [boolean, (enabled: boolean) => void] {
  const [enabled, setEnabled] = useState(isElderMode)
  useEffect(() => {
    listeners.add(setEnabled)
    return () => {
      listeners.delete(setEnabled)
    }
  }, [])
  return [enabled, setElderMode]
}
