import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { suggestDispatch, type DispatchSuggestionView } from '../../../api/dispatch'

/** The model's suggested unit for a queued case, with the words behind it, for the dispatcher to judge. */
export function QueueSuggestion({ title, description }: { title: string; description: string }) {
  const [suggestion, setSuggestion] = useState<DispatchSuggestionView | null>(null)
  useEffect(() => {
    let current = true
    suggestDispatch({ title, description })
      .then((answer) => current && setSuggestion(answer))
      .catch(() => current && setSuggestion(null)) // advice only: the queue works without it
    return () => {
      current = false
    }
  }, [title, description])
  const unit = suggestion?.units[0]
  if (!unit) return null
  return (
    <View className="case-queue-suggestion">
      <Text className="case-queue-suggestion-unit">
        建议派往：{unit.name}（置信度 {unit.score.toFixed(2)}）
      </Text>
      {unit.terms.length > 0 && (
        <Text className="case-queue-suggestion-terms">依据关键词：{unit.terms.join('、')}</Text>
      )}
    </View>
  )
}
