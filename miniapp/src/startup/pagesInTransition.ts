type Mount = (component: unknown, id: string, done: (...args: unknown[]) => unknown) => void
interface TaroApp {
  mount?: Mount
}
/** Taro's `Current` (getCurrentInstance()): the app object is put there once Taro has made it. */
interface TaroCurrent {
  app: TaroApp | null
}

const wrapped = new WeakSet<Mount>()

/**
 * Taro (H5) puts each page on screen with a synchronous React update of its app root, so a page's
 * whole first render ran as one task (300-700 ms under Lighthouse's 4x CPU throttling, the bulk
 * of its Total Blocking Time). Inside `startTransition` React renders in 5 ms slices, between
 * which the browser paints and answers taps; Taro still gets its callback after the commit, when
 * the page's element exists, so its router goes on as before.
 *
 * Mounts wait for `appRendered` (App's first effect): before the app root has rendered, Taro
 * queues a mount on a promise of its own, which would run outside the transition.
 *
 * `afterMount` runs once a page is committed (its element exists), before Taro's own callback.
 */
export function mountPagesInTransition(
  current: TaroCurrent,
  startTransition: (work: () => void) => void,
  appRendered: Promise<void>,
  afterMount: () => void = () => undefined,
): void {
  let app = current.app
  const wrap = (next: TaroApp | null) => {
    const mount = next?.mount
    if (!next || !mount || wrapped.has(mount)) return
    const inTransition: Mount = (component, id, done) => {
      const committed = (...args: unknown[]) => {
        afterMount()
        return done(...args)
      }
      void appRendered.then(() => startTransition(() => mount.call(next, component, id, committed)))
    }
    wrapped.add(inTransition)
    next.mount = inTransition
  }
  wrap(app)
  // Taro's entry makes the app object from our App after app.ts has run: catch it as it is set.
  Object.defineProperty(current, 'app', {
    configurable: true,
    enumerable: true,
    get: () => app,
    set: (next: TaroApp | null) => {
      app = next
      wrap(next)
    },
  })
}
