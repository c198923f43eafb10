import { describe, expect, it } from 'vitest'
import { mountPagesInTransition } from './pagesInTransition'

function fixture() {
  const events: string[] = []
  let inTransition = false
  const startTransition = (work: () => void) => {
    inTransition = true
    try {
      work()
    } finally {
      inTransition = false
    }
  }
  let rendered: () => void = () => undefined
  const appRendered = new Promise<void>((resolve) => (rendered = resolve))
  const makeApp = () => ({
    mount(component: unknown, id: string, done: (...args: unknown[]) => unknown) {
      events.push(`mount ${id} ${inTransition ? 'in transition' : 'urgent'}`)
      done()
    },
  })
  return { events, startTransition, appRendered, rendered, makeApp }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('mountPagesInTransition', () => {
  it('mounts a page set up by Taro after startup inside a transition, once the app root rendered', async () => {
    const { events, startTransition, appRendered, rendered, makeApp } = fixture()
    const current: { app: ReturnType<typeof makeApp> | null } = { app: null }
    mountPagesInTransition(current, startTransition, appRendered)
    // Taro's entry sets the app object after app.ts ran; the router then mounts the first page.
    current.app = makeApp()
    current.app.mount({}, 'pages/login/index', () => events.push('taro callback'))
    await flush()
    expect(events).toEqual([])
    rendered()
    await flush()
    expect(events).toEqual(['mount pages/login/index in transition', 'taro callback'])
  })

  it('wraps an app object that already exists, and only once', async () => {
    const { events, startTransition, appRendered, rendered, makeApp } = fixture()
    const current = { app: makeApp() }
    mountPagesInTransition(current, startTransition, appRendered)
    mountPagesInTransition(current, startTransition, appRendered)
    rendered()
    current.app.mount({}, 'pages/home/index', () => events.push('taro callback'))
    await flush()
    expect(events).toEqual(['mount pages/home/index in transition', 'taro callback'])
  })

  it('runs afterMount once the page is committed, before Taro continues', async () => {
    const { events, startTransition, appRendered, rendered, makeApp } = fixture()
    const current = { app: makeApp() }
    mountPagesInTransition(current, startTransition, appRendered, () => events.push('after mount'))
    rendered()
    current.app.mount({}, 'pages/login/index', () => events.push('taro callback'))
    await flush()
    expect(events).toEqual(['mount pages/login/index in transition', 'after mount', 'taro callback'])
  })
})
