import type { KnowledgeEntry } from '@minqing/shared'
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { createKnowledge, deleteKnowledge, listKnowledge, updateKnowledge } from '../../../api/answers'
import { useCategoryChoices } from '../../../admin/useCategoryChoices'
import { perform, useLoader } from '../../../admin/useLoader'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { Switch } from '../../../ui/Switch'
import { Button, Input, TextArea } from '../../../ui/nutui'
import '../cases/index.css'

interface Draft {
  id: string | null
  question: string
  answer: string
  categoryCode: string | null
  keywords: string
  policySource: string
  published: boolean
}
const emptyDraft: Draft = {
  id: null,
  question: '',
  answer: '',
  categoryCode: null,
  keywords: '',
  policySource: '',
  published: true,
}

/**
 * 问答库: standard answers to common questions, with the policy they rest on. Published entries
 * are what handlers quote from the case page and what residents see as 你可能想知道.
 */
export default function KnowledgePage() {
  const entries = useLoader(listKnowledge, [])
  const categories = useCategoryChoices('通用（不限分类）')
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const categoryName = categories.nameOf

  const run = (action: () => Promise<unknown>, done: string) =>
    perform(action, { done, then: entries.reload, onError: entries.setMessage })

  const save = () =>
    run(async () => {
      const { id, keywords, ...rest } = draft
      const input = {
        ...rest,
        keywords: keywords
          .split(/[\s,，、]+/)
          .map((word) => word.trim())
          .filter(Boolean),
      }
      if (id) await updateKnowledge(id, input)
      else await createKnowledge(input)
      setDraft(emptyDraft)
    }, '已保存')

  const edit = (entry: KnowledgeEntry) => setDraft({ ...entry, keywords: entry.keywords.join('、') })

  return (
    <ConsoleShell page="knowledge" title="问答库">
      <View className="console-form knowledge-form">
        <Input
          name="knowledgeQuestion"
          placeholder="问题，如：路灯坏了向谁反映？"
          value={draft.question}
          onChange={(question) => setDraft({ ...draft, question })}
        />
        <TextArea
          placeholder="标准答复"
          value={draft.answer}
          maxLength={2000}
          onChange={(answer) => setDraft({ ...draft, answer })}
        />
        <Picker
          mode="selector"
          range={categories.choices.map((category) => category.name)}
          onChange={(event) =>
            setDraft({ ...draft, categoryCode: categories.choices[Number(event.detail.value)]?.code ?? null })
          }
        >
          <Text className="console-picker">分类：{categoryName(draft.categoryCode)}</Text>
        </Picker>
        <Input
          placeholder="关键词（用顿号或空格分隔）"
          value={draft.keywords}
          onChange={(keywords) => setDraft({ ...draft, keywords })}
        />
        <Input
          placeholder="政策依据，如：《物业管理条例》"
          value={draft.policySource}
          onChange={(policySource) => setDraft({ ...draft, policySource })}
        />
        <View className="review-row">
          <Text>发布（群众和办理人员可见）</Text>
          <Switch
            checked={draft.published}
            onChange={(published: boolean) => setDraft({ ...draft, published })}
          />
        </View>
        <Button size="small" type="primary" onClick={() => void save()}>
          {draft.id ? '保存修改' : '添加问答'}
        </Button>
        {draft.id && (
          <Button size="small" onClick={() => setDraft(emptyDraft)}>
            取消修改
          </Button>
        )}
      </View>
      {entries.message && <Text className="review-message">{entries.message}</Text>}
      {(entries.data ?? []).map((entry) => (
        <View key={entry.id} className="review-card knowledge-row">
          <Text className="review-title">
            【{categoryName(entry.categoryCode)}】{entry.question}
            {entry.published ? '' : '（草稿）'}
          </Text>
          <Text>{entry.answer}</Text>
          {entry.policySource && <Text className="console-note">政策依据：{entry.policySource}</Text>}
          {entry.keywords.length > 0 && (
            <Text className="console-note">关键词：{entry.keywords.join('、')}</Text>
          )}
          <View>
            <Button size="small" onClick={() => edit(entry)}>
              修改
            </Button>
            <Button
              size="small"
              onClick={() =>
                void run(
                  () => updateKnowledge(entry.id, { published: !entry.published }),
                  entry.published ? '已撤回' : '已发布',
                )
              }
            >
              {entry.published ? '撤回' : '发布'}
            </Button>
            <Button size="small" onClick={() => void run(() => deleteKnowledge(entry.id), '已删除')}>
              删除
            </Button>
          </View>
        </View>
      ))}
    </ConsoleShell>
  )
}
