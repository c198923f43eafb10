import { replyTemplateActions, type FilledReplyTemplate, type ReplyTemplateAction } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { templatesForCase } from '../../api/answers'

export const templateActionOf = (action: string): ReplyTemplateAction | null =>
  action !== 'firstReply' && (replyTemplateActions as readonly string[]).includes(action)
    ? (action as ReplyTemplateAction)
    : null

/**
 * 答复模板: the templates for this action and the case's category, already filled for the case by
 * the server. A tap puts the text in the box, where the handler finishes it.
 */
export function TemplatePicker({
  caseId,
  action,
  onPick,
}: {
  caseId: string
  action: ReplyTemplateAction
  onPick: (text: string) => void
}) {
  const [items, setItems] = useState<FilledReplyTemplate[]>([])
  const [picked, setPicked] = useState<string | null>(null)
  useEffect(() => {
    let current = true
    templatesForCase(caseId, action)
      .then((loaded) => current && setItems(loaded))
      .catch(() => current && setItems([])) // a convenience: the box works without templates
    return () => {
      current = false
    }
  }, [caseId, action])
  if (!items.length) return null
  return (
    <View className="case-sheet-field case-templates">
      <Text className="case-sheet-label">答复模板（点选填入，可再修改）</Text>
      <View className="mq-chips">
        {items.map((item) => (
          <Text
            key={item.id}
            className={`mq-chip case-template ${picked === item.id ? 'mq-chip-selected' : ''}`}
            onClick={() => {
              setPicked(item.id)
              onPick(item.text)
            }}
          >
            {item.title}
          </Text>
        ))}
      </View>
    </View>
  )
}
