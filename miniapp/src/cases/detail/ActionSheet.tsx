import type { TransitionInput, Unit } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ActionSpec } from '../actions'
import { Button, Input, Switch, TextArea } from '../../ui/nutui'
import { KnowledgePanel } from './KnowledgePanel'
import { TemplatePicker, templateActionOf } from './TemplatePicker'
import { UnitSearch } from './UnitSearch'

const withPhotos = ['reply', 'resolve', 'addInfo']
/** Texts that answer the resident: the handler may take a standard answer from the knowledge base. */
const withKnowledge = ['reply', 'resolve', 'reject', 'contribute']

/**
 * One action's own form: only its fields, each labelled, and a confirmation before a step that
 * cannot be undone. Nothing is prefilled — an empty box says what to write — until the handler
 * picks a reply template or a knowledge-base answer; the text stays editable.
 */
export function ActionSheet({
  spec,
  caseFacts,
  units,
  suggestedUnitId,
  attachments,
  onAttach,
  busy,
  onSubmit,
  onCancel,
}: {
  spec: ActionSpec
  /** The case the sheet acts on: its templates and the first knowledge-base search come from it. */
  caseFacts?: { id: string; title: string; categoryCode: string; staff: boolean }
  units: Unit[]
  suggestedUnitId: string | null
  attachments: number
  onAttach: () => void
  busy: boolean
  onSubmit: (input: TransitionInput) => void
  onCancel: () => void
}) {
  const [text, setText] = useState('')
  const [unitId, setUnitId] = useState<string | null>(suggestedUnitId)
  const [days, setDays] = useState('')
  const [isPublic, setIsPublic] = useState(true)

  async function submit() {
    if (spec.irreversible) {
      const unitName = units.find((unit) => unit.id === unitId)?.name
      const { confirm } = await Taro.showModal({
        title: `确认${spec.label}？`,
        content:
          unitName && spec.unit ? `将${spec.label}至：${unitName}。此操作不能撤回。` : '此操作不能撤回。',
        confirmText: `确认${spec.label}`,
        cancelText: '再想想',
        confirmColor: '#c8161d',
      })
      if (!confirm) return
    }
    const body: Record<string, unknown> = { action: spec.action, ...spec.fields }
    if (spec.text) body[spec.text] = text
    if (spec.unit === 'unitId') body.unitId = unitId ?? ''
    if (spec.unit === 'unitIds') body.unitIds = unitId ? [unitId] : []
    if (spec.needsDays) body.workingDays = Number(days)
    if (spec.action === 'reply') body.public = isPublic
    // The server validates the body with the same shared schema and answers field by field.
    onSubmit(body as TransitionInput)
  }

  return (
    <View className={`case-sheet case-sheet-${spec.key}`}>
      <Text className="case-sheet-title">{spec.label}</Text>
      {spec.unit && (
        <UnitSearch
          units={units}
          value={unitId}
          onChange={setUnitId}
          label={spec.unit === 'unitIds' ? '协办单位' : `${spec.label}给`}
        />
      )}
      {spec.text && caseFacts?.staff && templateActionOf(spec.action) && (
        <TemplatePicker caseId={caseFacts.id} action={templateActionOf(spec.action)!} onPick={setText} />
      )}
      {spec.text && caseFacts?.staff && withKnowledge.includes(spec.action) && (
        <KnowledgePanel
          initialQuery={caseFacts.title}
          categoryCode={caseFacts.categoryCode}
          onUse={(answer) => setText((current) => (current.trim() ? `${current}\n${answer}` : answer))}
        />
      )}
      {spec.text && (
        <View className="case-sheet-field">
          <Text className="case-sheet-label">{spec.textLabel ?? '内容'}</Text>
          <TextArea
            className="case-action-text"
            // A template or a standard answer is several lines: the box grows to show all of it.
            autoSize
            placeholder={`请填写${spec.textLabel ?? '内容'}`}
            value={text}
            onChange={(value: string) => setText(value)}
          />
        </View>
      )}
      {spec.needsDays && (
        <View className="case-sheet-field">
          <Text className="case-sheet-label">延期几个工作日（1-30）</Text>
          <Input
            name="workingDays"
            type="digit"
            placeholder="例如 5"
            value={days}
            onChange={(value: string) => setDays(value)}
          />
        </View>
      )}
      {spec.action === 'reply' && (
        <View className="case-sheet-row">
          <Text className="case-sheet-label">公开答复（群众可见；关闭则为内部记录）</Text>
          <Switch label="公开答复" checked={isPublic} onChange={(value: boolean) => setIsPublic(value)} />
        </View>
      )}
      {withPhotos.includes(spec.action) && (
        <View className="case-sheet-row">
          <Text className="case-sheet-label">照片（{attachments}张，随本次提交）</Text>
          <Button size="small" className="case-attach" onClick={onAttach}>
            添加照片
          </Button>
        </View>
      )}
      <View className="case-sheet-buttons">
        <Button className="case-sheet-cancel" onClick={onCancel}>
          取消
        </Button>
        <Button type="primary" className="case-sheet-submit" loading={busy} onClick={() => void submit()}>
          {spec.irreversible ? `${spec.label}…` : `确认${spec.label}`}
        </Button>
      </View>
    </View>
  )
}
