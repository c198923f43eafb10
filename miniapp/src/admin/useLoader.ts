import { AppError } from '@minqing/shared'
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { latestCall } from '../api/latestCall'

/**
 * Loads a page's data when it shows and whenever `deps` change; keeps the last good value and
 * the error message (Chinese, from the server's code) for the page to show. Only the latest
 * load's answer is shown: an older one arriving after it is dropped.
 */
export function useLoader<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null)
  const [message, setMessage] = useState('')
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the load depends on
  const run = useCallback(load, deps)
  const gate = useRef(latestCall()).current
  const reload = useCallback(async () => {
    const isLatest = gate.begin()
    try {
      const value = await run()
      if (!isLatest()) return
      setData(value)
      setMessage('')
    } catch (error) {
      if (isLatest()) setMessage(error instanceof AppError ? error.message : '加载失败')
    }
  }, [run, gate])
  useDidShow(() => void reload())
  useEffect(() => void reload(), [reload])
  return { data, message, reload, setMessage }
}

/** An action's error as a message for people. */
export const messageOf = (error: unknown) => (error instanceof AppError ? error.message : '操作失败')

/**
 * Runs a console action (create, save, decide): on success says so in a toast and runs `then`
 * (usually a reload); on failure hands the message to `onError`. True when it worked.
 */
export async function perform(
  action: () => Promise<unknown>,
  options: { done?: string; then?: () => Promise<unknown> | void; onError: (message: string) => void },
): Promise<boolean> {
  try {
    await action()
    await options.then?.()
    if (options.done) void Taro.showToast({ title: options.done, icon: 'success' })
    return true
  } catch (error) {
    options.onError(messageOf(error))
    return false
  }
}
