import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import {
  fetchSuggestions,
  fetchTopics,
  postSuggestion,
  supportSuggestion,
  type Suggestion,
  type Topic,
} from '../../../api/review'
import { Page } from '../../../components/Page'
import { Button, Empty, TextArea } from '../../../ui/nutui'
import '../review.css'

/** Public topics: read the question, the suggestions (most supported first), support one, add your own. */
export default function TopicsPage() {
  const [topics, setTopics] = useState<Topic[]>([])
  const [openId, setOpenId] = useState<string | null>(null)
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [text, setText] = useState('')
  const [message, setMessage] = useState('')
  useDidShow(
    () =>
      void fetchTopics()
        .then((body) => setTopics(body.items))
        .catch(() => setMessage('加载失败')),
  )

  async function open(topic: Topic) {
    setOpenId(topic.id)
    setSuggestions((await fetchSuggestions(topic.id)).items)
  }
  const explain = (error: unknown) =>
    setMessage(
      error instanceof AppError ? (error.code === 'DUPLICATE' ? '您已点赞过' : error.message) : '操作失败',
    )

  return (
    <Page>
      {topics.length === 0 && <Empty description="暂无话题" />}
      {topics.map((topic) => (
        <View key={topic.id} className="review-card topic" onClick={() => void open(topic)}>
          <Text className="review-title">
            【{topic.kindLabel}】{topic.title}
          </Text>
          <Text>{topic.question}</Text>
          <Text className="review-definition">
            {topic.opensOn} 至 {topic.closesOn}
            {topic.open ? '' : '（已结束）'}
          </Text>
          {openId === topic.id && (
            <View>
              {suggestions.map((item) => (
                <View key={item.id} className="review-row">
                  <Text>
                    {item.text}（{item.author}）{item.adoptedCaseId ? ' · 已采纳' : ''}
                  </Text>
                  <Text
                    onClick={() =>
                      void supportSuggestion(item.id)
                        .then(() => open(topic))
                        .catch(explain)
                    }
                  >
                    👍 {item.supports}
                  </Text>
                </View>
              ))}
              {topic.open && (
                <View>
                  <TextArea
                    placeholder="写下您的建议"
                    value={text}
                    onChange={(value: string) => setText(value)}
                  />
                  <Button
                    size="small"
                    type="primary"
                    onClick={() =>
                      void postSuggestion(topic.id, text)
                        .then(() => {
                          setText('')
                          return open(topic)
                        })
                        .catch(explain)
                    }
                  >
                    提交建议
                  </Button>
                </View>
              )}
            </View>
          )}
        </View>
      ))}
      {message && <Text className="review-message">{message}</Text>}
    </Page>
  )
}
