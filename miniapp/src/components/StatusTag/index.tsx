import { Text } from '@tarojs/components'
import type { Tone } from '../../ui/statusTone'
import './index.css'

/** A status word on a tinted background; every tone's text/background pair is ≥ 4.5 : 1. */
export function StatusTag({ tone, children }: { tone: Tone; children: string }) {
  return <Text className={`mq-status-tag mq-tone-${tone}`}>{children}</Text>
}
