import Taro from '@tarojs/taro'

/**
 * Reference data the visit form needs offline (categories, campaigns). The last stored copy is
 * handed over at once — a form in a village must not wait for a network that is not there (a
 * read retries for over a second before failing) — and the fresh copy follows when the
 * network answers. Resolves with the freshest value it got, or null when it has none.
 */
export async function cachedFetch<T>(
  key: string,
  fetcher: () => Promise<T>,
  apply?: (value: T) => void,
): Promise<T | null> {
  const storageKey = `minqing.cache.${key}`
  const stored = Taro.getStorageSync(storageKey) as T | '' | undefined
  const cached = stored === '' || stored === undefined ? null : stored
  if (cached !== null) apply?.(cached)
  try {
    const fresh = await fetcher()
    Taro.setStorageSync(storageKey, fresh)
    apply?.(fresh)
    return fresh
  } catch {
    return cached
  }
}
