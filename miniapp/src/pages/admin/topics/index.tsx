import { topicKindLabels, topicKinds, type TopicInput } from '@minqing/shared'
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { adoptSuggestion, createTopic } from '../../../api/admin'
import { fetchCategories, type CategoryNode } from '../../../api/cases'
import { fetchSuggestions, fetchTopics } from '../../../api/review'
import { perform, useLoader } from '../../../admin/useLoader'
import { DatePick } from '../../../components/DatePick'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { Button, Input, TextArea } from '../../../ui/nutui'
import '../cases/index.css'

const leaves = (nodes: CategoryNode[]): Array<{ code: string; name: string }> =>
  nodes.flatMap((node) =>
    node.children?.length ? leaves(node.children) : [{ code: node.code, name: node.name }],
  )

/**
 * Public topics (问政 / 问需 / 问计于民): open one with a question and a period; read its
 * suggestions, most supported first; adopt one, which files it as a case routed by its category.
 */
export default function TopicsAdminPage() {
  const topics = useLoader(fetchTopics, [])
  const categories = useLoader(async () => leaves(await fetchCategories()), [])
  const [form, setForm] = useState<TopicInput>({
    kind: 'ideas',
    title: '',
    question: '',
    opensOn: '',
    closesOn: '',
  })
  const [topicId, setTopicId] = useState<string | null>(null)
  const suggestions = useLoader(
    async () => (topicId ? (await fetchSuggestions(topicId)).items : []),
    [topicId],
  )
  const [categoryCode, setCategoryCode] = useState<string | null>(null)

  const run = (action: () => Promise<unknown>, done: string) =>
    perform(action, { done, onError: topics.setMessage })

  return (
    <ConsoleShell page="topics" title="话题管理">
      <View className="console-form">
        <Picker
          mode="selector"
          range={topicKinds.map((kind) => topicKindLabels[kind])}
          onChange={(event) => setForm({ ...form, kind: topicKinds[Number(event.detail.value)]! })}
        >
          <Text className="console-picker">{topicKindLabels[form.kind]}</Text>
        </Picker>
        <Input placeholder="话题标题" value={form.title} onChange={(title) => setForm({ ...form, title })} />
        <DatePick label="开始" value={form.opensOn} onChange={(opensOn) => setForm({ ...form, opensOn })} />
        <DatePick
          label="截止"
          value={form.closesOn}
          onChange={(closesOn) => setForm({ ...form, closesOn })}
        />
        <TextArea
          placeholder="向群众提出的问题"
          value={form.question}
          onChange={(question) => setForm({ ...form, question })}
        />
        <Button
          size="small"
          type="primary"
          onClick={() =>
            void run(async () => {
              await createTopic(form)
              setForm({ ...form, title: '', question: '' })
              await topics.reload()
            }, '已发布')
          }
        >
          发布话题
        </Button>
      </View>
      {topics.data?.items.map((topic) => (
        <View key={topic.id} className="review-card">
          <Text
            className="review-title console-link"
            onClick={() => setTopicId(topic.id === topicId ? null : topic.id)}
          >
            【{topic.kindLabel}】{topic.title}（{topic.opensOn} 至 {topic.closesOn}
            {topic.open ? '，征集中' : '，已截止'}）
          </Text>
          {topic.id === topicId && (
            <View>
              <Picker
                mode="selector"
                range={(categories.data ?? []).map((category) => category.name)}
                onChange={(event) =>
                  setCategoryCode(categories.data?.[Number(event.detail.value)]?.code ?? null)
                }
              >
                <Text className="console-picker">
                  采纳后转办分类：
                  {categories.data?.find((category) => category.code === categoryCode)?.name ?? '请选择'}
                </Text>
              </Picker>
              {(suggestions.data ?? []).map((suggestion) => (
                <View key={suggestion.id} className="review-row">
                  <Text>
                    {suggestion.text}（{suggestion.author}，{suggestion.supports} 人支持）
                  </Text>
                  {suggestion.adoptedCaseId ? (
                    <Text>已采纳</Text>
                  ) : (
                    <Button
                      size="small"
                      disabled={!categoryCode}
                      onClick={() =>
                        void run(async () => {
                          await adoptSuggestion(suggestion.id, {
                            categoryCode: categoryCode!,
                            title: suggestion.text.slice(0, 30),
                          })
                          await suggestions.reload()
                        }, '已采纳并转办')
                      }
                    >
                      采纳
                    </Button>
                  )}
                </View>
              ))}
              {suggestions.data?.length === 0 && <Text className="console-note">暂无建议</Text>}
            </View>
          )}
        </View>
      ))}
      {topics.message && <Text className="review-message">{topics.message}</Text>}
    </ConsoleShell>
  )
}
