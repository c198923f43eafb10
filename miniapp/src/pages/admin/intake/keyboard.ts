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

/**
 * After each save the first field (the caller's phone) takes the focus again, so the next call is
 * typed without reaching for the mouse — also when 保存 was clicked and the button holds the focus.
 * The remounted field's `focus` prop alone does not move it off a clicked button in a browser.
 */
export function useRefocusFirstField(round: number, selector: string) {
  useEffect(() => {
    if (round === 0 || process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return undefined
    // After the remounted field is in the document (the next frame), not during this render.
    const frame = requestAnimationFrame(() => document.querySelector<HTMLInputElement>(selector)?.focus())
    return () => cancelAnimationFrame(frame)
  }, [round, selector])
}
