import {
  replyPlaceholders,
  replyTemplateActionLabels,
  replyTemplateActions,
  type ReplyTemplate,
  type ReplyTemplateAction,
} from '@minqing/shared'
import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  createReplyTemplate,
  deleteReplyTemplate,
  listReplyTemplates,
  updateReplyTemplate,
} from '../../../api/answers'
import { useCategoryChoices } from '../../../admin/useCategoryChoices'
import { perform, useLoader } from '../../../admin/useLoader'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { Button, Input, TextArea } from '../../../ui/nutui'
import '../cases/index.css'

interface Draft {
  id: string | null
  categoryCode: string | null
  action: ReplyTemplateAction
  title: string
  body: string
}
const emptyDraft: Draft = { id: null, categoryCode: null, action: 'reply', title: '', body: '' }

/**
 * 答复模板: one per action and category (a parent category serves its children; 全部分类 serves
 * every case). Placeholders are written {名称}; the server refuses an unknown one on save.
 */
export default function ReplyTemplatesPage() {
  const templates = useLoader(listReplyTemplates, [])
  const categories = useCategoryChoices('全部分类')
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const categoryName = categories.nameOf

  const run = (action: () => Promise<unknown>, done: string) =>
    perform(action, { done, then: templates.reload, onError: templates.setMessage })

  const save = () =>
    run(async () => {
      const { id, ...input } = draft
      if (id) await updateReplyTemplate(id, input)
      else await createReplyTemplate({ ...input, enabled: true })
      setDraft({ ...emptyDraft, action: draft.action, categoryCode: draft.categoryCode })
    }, '已保存')

  const byAction = (action: ReplyTemplateAction) =>
    (templates.data ?? []).filter((template) => template.action === action)

  return (
    <ConsoleShell page="replyTemplates" title="答复模板">
      <View className="console-form reply-template-form">
        <Picker
          mode="selector"
          range={replyTemplateActions.map((action) => replyTemplateActionLabels[action])}
          onChange={(event) =>
            setDraft({ ...draft, action: replyTemplateActions[Number(event.detail.value)]! })
          }
        >
          <Text className="console-picker">用于：{replyTemplateActionLabels[draft.action]}</Text>
        </Picker>
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
          name="templateTitle"
          placeholder="模板名称，如：已安排核查"
          value={draft.title}
          onChange={(title) => setDraft({ ...draft, title })}
        />
        <TextArea
          className="reply-template-body"
          placeholder="模板内容"
          value={draft.body}
          maxLength={1000}
          onChange={(body) => setDraft({ ...draft, body })}
        />
        <Text className="console-note">
          可用占位符（点选插入）：
          {replyPlaceholders.map((name) => (
            <Text
              key={name}
              className="console-link reply-template-placeholder"
              onClick={() => setDraft({ ...draft, body: `${draft.body}{${name}}` })}
            >
              {` {${name}} `}
            </Text>
          ))}
        </Text>
        <Button size="small" type="primary" className="reply-template-save" onClick={() => void save()}>
          {draft.id ? '保存修改' : '添加模板'}
        </Button>
        {draft.id && (
          <Button size="small" onClick={() => setDraft(emptyDraft)}>
            取消修改
          </Button>
        )}
      </View>
      {templates.message && <Text className="review-message">{templates.message}</Text>}
      {replyTemplateActions.map((action) => (
        <View key={action} className="review-card">
          <Text className="review-title">{replyTemplateActionLabels[action]}</Text>
          {byAction(action).length === 0 && <Text className="console-note">暂无模板</Text>}
          {byAction(action).map((template: ReplyTemplate) => (
            <View key={template.id} className="review-row reply-template-row">
              <Text>
                【{categoryName(template.categoryCode)}】{template.title}
                {template.enabled ? '' : '（已停用）'}：{template.body}
              </Text>
              <View>
                <Button
                  size="small"
                  onClick={() =>
                    setDraft({
                      id: template.id,
                      categoryCode: template.categoryCode,
                      action: template.action,
                      title: template.title,
                      body: template.body,
                    })
                  }
                >
                  修改
                </Button>
                <Button
                  size="small"
                  onClick={() =>
                    void run(
                      () => updateReplyTemplate(template.id, { enabled: !template.enabled }),
                      template.enabled ? '已停用' : '已启用',
                    )
                  }
                >
                  {template.enabled ? '停用' : '启用'}
                </Button>
                <Button
                  size="small"
                  onClick={() => void run(() => deleteReplyTemplate(template.id), '已删除')}
                >
                  删除
                </Button>
              </View>
            </View>
          ))}
        </View>
      ))}
    </ConsoleShell>
  )
}
