import type { KnowledgeHit } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { searchPublicKnowledge } from '../../../api/answers'

/** One request per pause in typing, as for the category hints. */
const debounceMs = 500

/**
 * 你可能想知道: published standard answers for what the resident is typing, before they submit.
 * A tap opens the answer in place; submitting stays one tap away (the answer may not be enough).
 */
export function KnowledgeHints({ title, description }: { title: string; description: string }) {
  const [hits, setHits] = useState<KnowledgeHit[]>([])
  const [openId, setOpenId] = useState<string | null>(null)
  useEffect(() => {
    const text = `${title} ${description}`.trim()
    if (text.length < 4) {
      setHits([])
      return
    }
    let current = true
    const timer = setTimeout(() => {
      searchPublicKnowledge(text.slice(0, 200))
        .then((found) => current && setHits(found.slice(0, 3)))
        .catch(() => current && setHits([])) // a convenience: the form works without it
    }, debounceMs)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [title, description])
  if (!hits.length) return null
  return (
    <View className="case-knowledge-hints">
      <Text className="case-knowledge-hints-title">你可能想知道（点开查看答复）：</Text>
      {hits.map((hit) => (
        <View key={hit.id} className="case-knowledge-hint">
          <Text
            className="case-knowledge-hint-question"
            onClick={() => setOpenId(openId === hit.id ? null : hit.id)}
          >
            {openId === hit.id ? '▾ ' : '▸ '}
            {hit.question}
          </Text>
          {openId === hit.id && (
            <View className="case-knowledge-hint-answer">
              <Text>{hit.answer}</Text>
              {hit.policySource && <Text className="case-card-meta">依据：{hit.policySource}</Text>}
              <Text className="case-card-meta">没有解决您的问题？可以继续填写并提交。</Text>
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
