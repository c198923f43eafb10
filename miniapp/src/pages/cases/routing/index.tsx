import { AppError, type Unit } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import {
  createRule,
  updateRule,
  dryRun,
  fetchCategories,
  fetchRules,
  fetchUnits,
  type CategoryNode,
  type DryRunAnswer,
  type RoutingRuleView,
} from '../../../api/cases'
import { Chips } from '../../../components/Chips'
import { Field } from '../../../components/Field'
import { Page } from '../../../components/Page'
import { Button, Cell, Input, Switch } from '../../../ui/nutui'
import { fieldErrors } from '../../../ui/messages'
import '../cases.css'
import { categoryName } from '../../../ui/labels'

const kindLabels: Record<DryRunAnswer['kind'], string> = {
  rule: '按规则派单',
  areaFallback: '属地兜底',
  dispatchCentre: '派单中心人工派单',
}

/** Admins see the routing rules in priority order and try where a case would go, and why. */
export default function RoutingPage() {
  const [rules, setRules] = useState<RoutingRuleView[]>([])
  const [units, setUnits] = useState<Unit[]>([])
  const [categories, setCategories] = useState<CategoryNode[]>([])
  const [categoryCode, setCategoryCode] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [point, setPoint] = useState('')
  const [answer, setAnswer] = useState<DryRunAnswer | null>(null)
  const [message, setMessage] = useState('')
  const [draft, setDraft] = useState({
    name: '',
    priority: '50',
    keywords: '',
    unitId: null as string | null,
  })
  const [errors, setErrors] = useState<Record<string, string>>({})

  async function reload() {
    setRules(await fetchRules())
  }

  async function addRule() {
    try {
      await createRule({
        name: draft.name,
        priority: Number(draft.priority),
        categoryCodes: categoryCode ? [categoryCode] : [],
        keywords: draft.keywords.split(/[,，\s]+/).filter(Boolean),
        unitId: draft.unitId ?? '',
      })
      setErrors({})
      await reload()
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      setErrors(fieldErrors(appError))
      setMessage(appError.message)
    }
  }

  async function toggle(rule: RoutingRuleView, enabled: boolean) {
    await updateRule(rule._id, { enabled }).catch((error: unknown) =>
      setMessage(error instanceof AppError ? error.message : '保存失败'),
    )
    await reload()
  }

  useDidShow(() => {
    Promise.all([fetchRules(), fetchUnits(), fetchCategories()])
      .then(([loadedRules, loadedUnits, tree]) => {
        setRules(loadedRules)
        setUnits(loadedUnits)
        setCategories(tree)
      })
      .catch((error: unknown) => setMessage(error instanceof AppError ? error.message : '加载失败'))
  })

  const unitName = (id: string | null) => units.find((unit) => unit.id === id)?.name ?? id ?? '—'
  const leaves = categories.flatMap((node) => (node.children.length ? node.children : [node]))

  async function tryIt() {
    setMessage('')
    const [lat, lng] = point.split(',').map((part) => Number(part.trim()))
    const location =
      point && Number.isFinite(lat) && Number.isFinite(lng) ? { lat: lat!, lng: lng! } : undefined
    try {
      setAnswer(
        await dryRun({ categoryCode: categoryCode ?? 'other', title: text, description: text, location }),
      )
    } catch (error) {
      setMessage(error instanceof AppError ? error.message : '试算失败')
    }
  }

  return (
    <Page>
      <Cell.Group title="试算：这件诉求会派给谁">
        <Chips
          className="routing-categories"
          items={leaves.map((node) => ({ value: node.code, label: node.name }))}
          value={categoryCode}
          onChange={setCategoryCode}
        />
        <Field>
          <Input
            name="text"
            placeholder="诉求内容（用于关键词匹配）"
            value={text}
            onChange={(value: string) => setText(value)}
          />
        </Field>
        <Field>
          <Input
            name="point"
            placeholder="位置（纬度,经度，可选）"
            value={point}
            onChange={(value: string) => setPoint(value)}
          />
        </Field>
        <View className="case-actions">
          <Button className="routing-try" type="primary" block onClick={() => void tryIt()}>
            试算
          </Button>
        </View>
        {answer && (
          <View className="case-card routing-answer">
            <Text className="case-card-title">
              {kindLabels[answer.kind]}：{answer.unitName ?? '派单中心'}
            </Text>
            <Text className="case-card-meta">{answer.reason}</Text>
          </View>
        )}
      </Cell.Group>
      {message && <Text className="case-message">{message}</Text>}
      <Cell.Group title="新增规则（分类取上方所选，单位从下列选择）">
        <Field error={errors.name}>
          <Input
            name="ruleName"
            placeholder="规则名称"
            value={draft.name}
            onChange={(value: string) => setDraft({ ...draft, name: value })}
          />
        </Field>
        <Field error={errors.priority}>
          <Input
            name="rulePriority"
            type="digit"
            placeholder="优先级（数字小者优先）"
            value={draft.priority}
            onChange={(value: string) => setDraft({ ...draft, priority: value })}
          />
        </Field>
        <Field error={errors.keywords}>
          <Input
            name="ruleKeywords"
            placeholder="关键词（逗号分隔，可选）"
            value={draft.keywords}
            onChange={(value: string) => setDraft({ ...draft, keywords: value })}
          />
        </Field>
        <Chips
          className="routing-units"
          items={units
            .filter((unit) => unit.level === 'department' || unit.level === 'street')
            .map((unit) => ({ value: unit.id, label: unit.name }))}
          value={draft.unitId}
          onChange={(value) => setDraft({ ...draft, unitId: value })}
        />
        {(errors.unitId || errors.categoryCodes) && (
          <Text className="mq-field-error">{errors.unitId ?? errors.categoryCodes}</Text>
        )}
        <View className="case-actions">
          <Button className="routing-add" block onClick={() => void addRule()}>
            添加规则
          </Button>
        </View>
      </Cell.Group>
      <Cell.Group title="规则（按优先级，数字小者优先）">
        {rules.map((rule) => (
          <View key={rule._id} className="case-card routing-rule">
            <Text className="case-card-title">
              {rule.priority} · {rule.name}
              {rule.enabled ? '' : '（已停用）'}
            </Text>
            <Text className="case-card-meta">
              {[
                rule.categoryCodes.length
                  ? `分类：${rule.categoryCodes.map((code) => categoryName(code, categories)).join('、')}`
                  : '',
                rule.keywords.length ? `关键词：${rule.keywords.join('、')}` : '',
                rule.areaUnitIds.length ? `区域：${rule.areaUnitIds.map(unitName).join('、')}` : '',
              ]
                .filter(Boolean)
                .join('；')}
            </Text>
            <Text className="case-card-meta">→ {unitName(rule.unitId)}</Text>
            <Switch checked={rule.enabled} onChange={(value: boolean) => void toggle(rule, value)} />
          </View>
        ))}
      </Cell.Group>
    </Page>
  )
}
