import {
  AppError,
  caseKindLabels,
  caseKinds,
  intakeChannelLabels,
  intakeChannels,
  intakeInputSchema,
  urgencies,
  urgencyLabels,
  type CaseKind,
  type IntakeChannel,
  type Urgency,
} from '@minqing/shared'
import { Input, Switch, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { fetchCategories } from '../../../api/cases'
import { fileIntake, previewIntake, type IntakePreview, type IntakeResult } from '../../../api/intake'
import { newClientId } from '../../../cases/clientId'
import { formatDeadline } from '../../../cases/format'
import { Chips } from '../../../components/Chips'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { fieldErrors } from '../../../ui/messages'
import { Button } from '../../../ui/nutui'
import { categoryLeaves, matchCategories, type CategoryLeaf } from './categoryLeaves'
import { useIntakeShortcuts, useRefocusFirstField } from './keyboard'
import { RatingCalls } from './RatingCalls'
import '../cases/index.css'
import './index.css'

const emptyForm = {
  phone: '',
  name: '',
  title: '',
  description: '',
  categoryQuery: '',
  categoryCode: null as string | null,
  kind: 'complaint' as CaseKind,
  urgency: 'general' as Urgency,
  wantsCallBack: false,
}

/**
 * 受理登记: an operator files a call (or a visit, letter…) for a caller, keyboard first — the
 * phone field has focus, Tab walks the fields in order, Enter in a field or Ctrl+Enter saves,
 * Alt+1…7 picks the channel. Routing, time limit and similar cases show before saving.
 */
export default function IntakePage() {
  const { params } = useRouter()
  const [tab, setTab] = useState(params.tab === 'calls' ? 'calls' : 'intake')
  return (
    <ConsoleShell page="intake" title="受理登记">
      <Chips
        className="intake-tabs"
        items={[
          { value: 'intake', label: '登记诉求' },
          { value: 'calls', label: '回访评价' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'intake' ? <IntakeForm /> : <RatingCalls />}
    </ConsoleShell>
  )
}

function IntakeForm() {
  const [channel, setChannel] = useState<IntakeChannel>('hotline')
  const [form, setForm] = useState(emptyForm)
  const [clientId, setClientId] = useState(newClientId)
  const [leaves, setLeaves] = useState<CategoryLeaf[]>([])
  const [preview, setPreview] = useState<IntakePreview | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [saved, setSaved] = useState<IntakeResult | null>(null)
  const [busy, setBusy] = useState(false)
  // Bumped after each save: the phone field takes the focus again for the next call.
  const [round, setRound] = useState(0)

  useEffect(() => {
    void fetchCategories().then(
      (nodes) => setLeaves(categoryLeaves(nodes)),
      () => setLeaves([]),
    )
  }, [])
  const matches = matchCategories(leaves, form.categoryQuery).slice(0, 12)
  const categoryCode = form.categoryCode ?? (form.categoryQuery.trim() ? (matches[0]?.code ?? null) : null)
  const set = (patch: Partial<typeof emptyForm>) => setForm((current) => ({ ...current, ...patch }))

  // The preview follows the typing, a moment after it pauses.
  useEffect(() => {
    if (!categoryCode) {
      setPreview(null)
      return undefined
    }
    // A preview asked before the operator typed on may answer after the newer one: drop it.
    let current = true
    const timer = setTimeout(() => {
      previewIntake({
        categoryCode,
        title: form.title,
        description: form.description,
        urgency: form.urgency,
      }).then(
        (preview) => current && setPreview(preview),
        () => current && setPreview(null),
      )
    }, 300)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [categoryCode, form.title, form.description, form.urgency])

  async function save() {
    if (busy) return
    const parsed = intakeInputSchema.safeParse({
      clientId,
      channel,
      kind: form.kind,
      categoryCode: categoryCode ?? '',
      title: form.title,
      description: form.description,
      urgency: form.urgency,
      caller: { name: form.name, phone: form.phone },
      wantsCallBack: form.wantsCallBack,
    })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      setMessage('请补全标红的项目')
      return
    }
    setErrors({})
    setBusy(true)
    try {
      const result = await fileIntake(parsed.data)
      setSaved(result)
      setMessage('')
      setForm(emptyForm)
      setClientId(newClientId())
      setPreview(null)
      setRound((value) => value + 1)
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      setErrors(fieldErrors(appError))
      setMessage(appError.message)
    } finally {
      setBusy(false)
    }
  }
  useIntakeShortcuts({ save: () => void save(), channel: setChannel })
  // H5 renders Taro's Input as the <input> itself (React components), weapp and Stencil inside a wrapper.
  useRefocusFirstField(round, 'input.intake-phone, .intake-phone input')
  const enterSaves = { confirmType: 'done' as const, onConfirm: () => void save() }

  return (
    <View className="intake-layout">
      <View className="intake-form">
        <Chips
          className="intake-channels"
          items={intakeChannels.map((value, index) => ({
            value,
            label: `${intakeChannelLabels[value]} Alt+${index + 1}`,
          }))}
          value={channel}
          onChange={(value) => setChannel(value as IntakeChannel)}
        />
        <View className="intake-row">
          <Text className="intake-label">来电号码</Text>
          <Input
            key={`phone-${round}`}
            className="intake-input intake-phone"
            type="number"
            maxlength={11}
            focus
            placeholder="11位手机号"
            value={form.phone}
            onInput={(event) => set({ phone: event.detail.value })}
            {...enterSaves}
          />
          {errors['caller.phone'] && <Text className="mq-field-error">{errors['caller.phone']}</Text>}
        </View>
        <View className="intake-row">
          <Text className="intake-label">反映人</Text>
          <Input
            className="intake-input intake-name"
            placeholder="姓名（仅内部可见，列表中脱敏）"
            value={form.name}
            onInput={(event) => set({ name: event.detail.value })}
            {...enterSaves}
          />
          {errors['caller.name'] && <Text className="mq-field-error">{errors['caller.name']}</Text>}
        </View>
        <View className="intake-row">
          <Text className="intake-label">诉求标题</Text>
          <Input
            className="intake-input intake-title"
            placeholder="一句话概括"
            value={form.title}
            onInput={(event) => set({ title: event.detail.value })}
            {...enterSaves}
          />
          {errors.title && <Text className="mq-field-error">{errors.title}</Text>}
        </View>
        <View className="intake-row">
          <Text className="intake-label">诉求内容</Text>
          <Textarea
            className="intake-textarea intake-description"
            placeholder="来电人反映的具体情况（Ctrl+Enter 保存）"
            maxlength={4000}
            value={form.description}
            onInput={(event) => set({ description: event.detail.value })}
          />
          {errors.description && <Text className="mq-field-error">{errors.description}</Text>}
        </View>
        <View className="intake-row">
          <Text className="intake-label">分类</Text>
          <Input
            className="intake-input intake-category"
            placeholder="输入关键字筛选，如“书屋”，回车保存时取第一项"
            value={form.categoryQuery}
            onInput={(event) => set({ categoryQuery: event.detail.value, categoryCode: null })}
            {...enterSaves}
          />
          <Chips
            className="intake-categories"
            items={matches.map((leaf) => ({ value: leaf.code, label: leaf.label }))}
            value={categoryCode}
            onChange={(code) => set({ categoryCode: code })}
          />
          {errors.categoryCode && <Text className="mq-field-error">请选择分类</Text>}
        </View>
        <View className="intake-row">
          <Text className="intake-label">类型 / 紧急程度</Text>
          <Chips
            className="intake-kinds"
            items={caseKinds.map((value) => ({ value, label: caseKindLabels[value] }))}
            value={form.kind}
            onChange={(value) => set({ kind: value as CaseKind })}
          />
          <Chips
            className="intake-urgencies"
            items={urgencies.map((value) => ({ value, label: urgencyLabels[value] }))}
            value={form.urgency}
            onChange={(value) => set({ urgency: value as Urgency })}
          />
        </View>
        <View className="intake-row intake-callback">
          <Switch
            checked={form.wantsCallBack}
            onChange={(event) => set({ wantsCallBack: event.detail.value })}
          />
          <Text>来电人希望回电</Text>
        </View>
        <View className="intake-actions">
          <Button type="primary" className="intake-save" loading={busy} onClick={() => void save()}>
            保存并生成查询码
          </Button>
          <Text className="intake-shortcut">
            快捷键：Enter / Ctrl+Enter 保存 · Tab 下一项 · Alt+1…7 切换渠道
          </Text>
        </View>
        {message && <Text className="review-message intake-message">{message}</Text>}
      </View>
      <View className="intake-side">
        {saved && (
          <View className="review-card intake-saved">
            <Text className="review-title">已受理，请告知来电人</Text>
            <Text className="intake-number">编号 {saved.number}</Text>
            <Text className="intake-code">查询码 {saved.queryCode}</Text>
            <Text className="console-note">
              来电人可凭手机号 + 查询码在“进度查询”页查看办理情况；受理短信已发送。
            </Text>
          </View>
        )}
        <View className="review-card intake-preview">
          <Text className="review-title">派单预判</Text>
          {preview ? (
            <>
              <Text className="intake-unit">
                {preview.routing.unitName ? `派往：${preview.routing.unitName}` : '进入派单中心人工派单'}
              </Text>
              <Text className="console-note">{preview.routing.reason}</Text>
              <Text className="intake-limit">
                {preview.timeLimit.acceptHours}小时内签收，{preview.timeLimit.answer}；预计最迟{' '}
                {formatDeadline(preview.timeLimit.expectedAnswerBy)} 前答复
              </Text>
            </>
          ) : (
            <Text className="console-note">选择分类后显示派往单位和办理时限</Text>
          )}
        </View>
        <View className="review-card intake-similar">
          <Text className="review-title">相似诉求（{preview?.similar.length ?? 0}）</Text>
          {preview?.similar.map((item) => (
            <Text key={item.id} className="intake-similar-item">
              {item.number} {item.title}
            </Text>
          ))}
          {preview && preview.similar.length === 0 && <Text className="console-note">暂无相似诉求</Text>}
        </View>
      </View>
    </View>
  )
}
