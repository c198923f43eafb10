import { AppError, type KnowledgeHit } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { latestCall } from '../../api/latestCall'
import { searchKnowledge } from '../../api/answers'
import { Button, Input } from '../../ui/nutui'

/** The answer as it goes into a reply: the standard text and the policy it rests on. */
export const quoted = (hit: KnowledgeHit) =>
  hit.policySource ? `${hit.answer}（政策依据：${hit.policySource}）` : hit.answer

/**
 * 问答库 in the action sheet: search the published standard answers (first with the case's
 * title), read one, and put its answer into the reply text.
 */
export function KnowledgePanel({
  initialQuery,
  categoryCode,
  onUse,
}: {
  initialQuery: string
  categoryCode: string
  onUse: (text: string) => void
}) {
  const [query, setQuery] = useState(initialQuery)
  const [hits, setHits] = useState<KnowledgeHit[] | null>(null)
  const [message, setMessage] = useState('')

  // The first search (the case's own words) may answer after the handler's own: keep the latest.
  const gate = useRef(latestCall()).current

  async function search(text: string, withinCategory: boolean) {
    setMessage('')
    if (!text.trim()) return
    const isLatest = gate.begin()
    try {
      const found = await searchKnowledge(text.trim(), withinCategory ? categoryCode : undefined)
      if (isLatest()) setHits(found)
    } catch (error) {
      if (isLatest()) setMessage(error instanceof AppError ? error.message : '搜索失败')
    }
  }
  useEffect(() => {
    void search(initialQuery, true)
    // Only once, with the case's own words; later searches are the handler's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <View className="case-sheet-field case-knowledge">
      <Text className="case-sheet-label">问答库（标准答复与政策依据）</Text>
      <View className="case-knowledge-search">
        <Input
          name="knowledgeQuery"
          className="case-knowledge-query"
          placeholder="输入关键词，如：路灯 不亮"
          value={query}
          onChange={(value: string) => setQuery(value)}
          onConfirm={() => void search(query, false)}
        />
        <Button size="small" className="case-knowledge-go" onClick={() => void search(query, false)}>
          搜索
        </Button>
      </View>
      {hits?.length === 0 && <Text className="case-card-meta">没有找到相关答复，可换个说法再搜</Text>}
      {hits?.map((hit) => (
        <View key={hit.id} className="case-knowledge-hit">
          <Text className="case-card-title">{hit.question}</Text>
          <Text className="case-card-meta">{hit.answer}</Text>
          {hit.policySource && <Text className="case-card-meta">政策依据：{hit.policySource}</Text>}
          <Button size="small" className="case-knowledge-use" onClick={() => onUse(quoted(hit))}>
            引用此答案
          </Button>
        </View>
      ))}
      {message && <Text className="case-message">{message}</Text>}
    </View>
  )
}
