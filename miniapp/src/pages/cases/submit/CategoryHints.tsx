import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { suggestCategories, type CategorySuggestion } from '../../../api/dispatch'

/** Wait this long after the last keystroke before asking: one request per pause, not per key. */
const debounceMs = 400

/**
 * "您反映的可能是": the categories the model reads in what the resident has typed so far, so
 * nobody has to know the category tree. A tap picks one; the resident can still choose any other.
 */
export function CategoryHints({
  title,
  description,
  onPick,
}: {
  title: string
  description: string
  onPick: (code: string) => void
}) {
  const [hints, setHints] = useState<CategorySuggestion[]>([])
  useEffect(() => {
    const text = `${title}${description}`.trim()
    if (text.length < 4) {
      setHints([])
      return
    }
    let current = true
    const timer = setTimeout(() => {
      suggestCategories({ title, description })
        .then((categories) => current && setHints(categories.filter((item) => item.score >= 0.05)))
        .catch(() => current && setHints([])) // only a convenience: the form works without it
    }, debounceMs)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [title, description])
  if (!hints.length) return null
  return (
    <View className="case-category-hints">
      <Text className="case-category-hints-title">您反映的可能是（点选即可）：</Text>
      <View className="mq-chips">
        {hints.map((hint) => (
          <Text key={hint.code} className="mq-chip case-category-hint" onClick={() => onPick(hint.code)}>
            {hint.name}
          </Text>
        ))}
      </View>
    </View>
  )
}
