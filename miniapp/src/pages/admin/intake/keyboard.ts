import { intakeChannels, type IntakeChannel } from '@minqing/shared'
import { useEffect, useRef } from 'react'

/** Alt+1…7 picks a channel in the order shown; Ctrl+Enter (or ⌘+Enter) saves from anywhere. */
export function useIntakeShortcuts(actions: { save: () => void; channel: (channel: IntakeChannel) => void }) {
  const latest = useRef(actions)
  latest.current = actions
  useEffect(() => {
    // Keyboard shortcuts exist only in a desktop browser; the mini-program has no document.
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return undefined
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault()
        latest.current.save()
        return
      }
      const index = event.altKey ? Number(event.key) - 1 : -1
      const channel = intakeChannels[index]
      if (channel) {
        event.preventDefault()
        latest.current.channel(channel)
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
}
