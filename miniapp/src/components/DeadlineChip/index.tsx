import type { TimeState } from '@minqing/shared'
import { Text } from '@tarojs/components'
import { deadlineChipText, type CaseDeadlines } from '../../ui/deadline'
import '../StatusTag/index.css'

const tones: Record<TimeState, string> = { on_time: 'info', warning: 'warning', overdue: 'danger' }

/** The running deadline of a case, saying which step it is for (签收 / 答复 / 评价). */
export function DeadlineChip({
  deadlines,
  time,
}: {
  deadlines: CaseDeadlines
  time: { state: TimeState; msLeft: number } | null
}) {
  if (!time) return null
  return (
    <Text className={`mq-status-tag mq-deadline-chip mq-tone-${tones[time.state]}`}>
      {deadlineChipText(deadlines, time)}
    </Text>
  )
}
