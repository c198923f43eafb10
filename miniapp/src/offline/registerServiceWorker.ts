/**
 * Installs the H5 service worker (built by Workbox, see config/serviceWorker.ts), which keeps the
 * app shell and every page on the phone for a start without network. The mini-program has its
 * own package cache, and development builds have no worker.
 */
export function registerServiceWorker(): void {
  if (process.env.TARO_ENV !== 'h5' || process.env.NODE_ENV !== 'production') return
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
  // After the first screen, so installing (downloading every page) does not slow it down.
  const register = () =>
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      console.warn('[minqing] service worker not installed', error)
    })
  if (document.readyState === 'complete') void register()
  else window.addEventListener('load', () => void register(), { once: true })
}
