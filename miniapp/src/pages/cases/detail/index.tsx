import {
  AppError,
  caseKindLabels,
  ratingLabels,
  ratings,
  roleLabels,
  type Rating,
  type TransitionInput,
  type Unit,
} from '@minqing/shared'
import { Image, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { fetchCase, fetchUnits, transition, type CaseView } from '../../../api/cases'
import { actionLabels, availableActions, type ActionSpec } from '../../../cases/actions'
import { formatDeadline, formatTimeLeft, timeStateLabels } from '../../../cases/format'
import { Page } from '../../../components/Page'
import { useCurrentUser } from '../../../session/useSession'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, Switch, TextArea } from '../../../ui/nutui'
import '../cases.css'

export default function CaseDetailPage() {
  const { id = '', new: justSubmitted } = useRouter().params
  const user = useCurrentUser()
  const [item, setItem] = useState<CaseView | null>(null)
  const [units, setUnits] = useState<Unit[]>([])
  const [unitIndex, setUnitIndex] = useState(-1)
  const [text, setText] = useState('')
  const [isPublic, setIsPublic] = useState(true)
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  async function load() {
    try {
      setItem(await fetchCase(id))
    } catch (error) {
      setMessage(error instanceof AppError ? error.message : '加载失败')
    }
  }
  useDidShow(() => {
    void load()
    fetchUnits()
      .then(setUnits)
      .catch(() => undefined)
  })

  async function run(input: TransitionInput) {
    setBusy(true)
    setMessage('')
    try {
      await transition(id, input)
      setText('')
      await load()
      void Taro.showToast({ title: '操作成功', icon: 'success' })
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      const issues = Object.values(fieldErrors(appError))
      setMessage(issues.length ? issues.join('；') : appError.message)
    } finally {
      setBusy(false)
    }
  }

  function act(spec: ActionSpec) {
    const unitId = units[unitIndex]?.id ?? ''
    const base = { action: spec.action } as Record<string, unknown>
    if (spec.text) base[spec.text] = text
    if (spec.needsUnit) base.unitId = unitId
    if (spec.action === 'reply') base.public = isPublic
    void run(base as TransitionInput)
  }

  if (!item || !user) {
    return <Page>{message && <Text className="case-message">{message}</Text>}</Page>
  }
  const actions = availableActions(user, item)
  const canRate = user.role === 'resident' && item.status === 'resolved'
  const needsText = actions.some((spec) => spec.text)
  const needsUnit = actions.some((spec) => spec.needsUnit)

  return (
    <Page>
      {justSubmitted && (
        <Text className="case-expected">
          已提交，编号 {item.number}。预计在 {formatDeadline(item.deadlines.expectedAnswerBy)} 前答复您。
        </Text>
      )}
      <Cell.Group title={item.title}>
        <Cell title="状态" extra={<Text className="case-status">{item.statusLabel}</Text>} />
        <Cell title="类型" extra={caseKindLabels[item.kind]} />
        <Cell title="承办单位" extra={item.unitName ?? '派单中心'} />
        <Cell title="派单依据" description={item.routing.reason} />
        {item.timeState && (
          <Cell
            title={`时限（${timeStateLabels[item.timeState.state]}）`}
            extra={
              <Text className={`case-state-${item.timeState.state}`}>{formatTimeLeft(item.timeState)}</Text>
            }
          />
        )}
        <Cell title="预计答复" extra={formatDeadline(item.deadlines.expectedAnswerBy)} />
        {item.contactPhone && <Cell title="联系电话" extra={item.contactPhone} />}
        {item.location?.address && <Cell title="地点" extra={item.location.address} />}
        <Cell description={item.description} />
        {item.rating && <Cell title="群众评价" extra={ratingLabels[item.rating.value]} />}
      </Cell.Group>
      {item.photoUrls.length > 0 && (
        <View className="case-photos">
          {item.photoUrls.map((url) => (
            <Image key={url} className="case-photo" src={`${API_BASE}${url}`} mode="aspectFill" />
          ))}
        </View>
      )}

      {(actions.length > 0 || canRate) && (
        <Cell.Group title="办理">
          {needsUnit && (
            <View className="case-picker">
              <Picker
                mode="selector"
                range={units.map((unit) => unit.name)}
                onChange={(event) => setUnitIndex(Number(event.detail.value))}
              >
                <View className="case-unit-picker">
                  {units[unitIndex]?.name ?? '选择单位（派单/移交时）'}
                </View>
              </Picker>
            </View>
          )}
          {(needsText || canRate) && (
            <Cell>
              <TextArea
                className="case-action-text"
                placeholder="答复内容、办理结果或理由"
                value={text}
                onChange={(value: string) => setText(value)}
              />
            </Cell>
          )}
          {actions.some((spec) => spec.action === 'reply') && (
            <Cell
              title="公开答复（群众可见）"
              extra={<Switch checked={isPublic} onChange={(value: boolean) => setIsPublic(value)} />}
            />
          )}
          <View className="case-actions">
            {actions.map((spec) => (
              <Button
                key={spec.action}
                className={`case-action-${spec.action}`}
                type={spec.action === 'reject' ? 'default' : 'primary'}
                block
                loading={busy}
                onClick={() => act(spec)}
              >
                {spec.label}
              </Button>
            ))}
            {canRate && (
              <View className="case-row">
                {ratings.map((rating: Rating) => (
                  <Button
                    key={rating}
                    className={`case-rate-${rating}`}
                    type={rating === 'unsatisfied' ? 'default' : 'primary'}
                    loading={busy}
                    onClick={() => void run({ action: 'rate', rating, comment: text || undefined })}
                  >
                    {ratingLabels[rating]}
                  </Button>
                ))}
              </View>
            )}
          </View>
        </Cell.Group>
      )}
      {message && <Text className="case-message">{message}</Text>}

      <Cell.Group title="办理过程">
        {item.timeline?.map((event) => (
          <View key={event.seq} className="case-timeline-item">
            <Text className="case-card-title">
              {actionLabels[event.action] ?? event.action}
              {event.rating ? `：${ratingLabels[event.rating]}` : ''}
              {!event.public ? '（内部）' : ''}
            </Text>
            <Text className="case-card-meta">
              {formatDeadline(event.at)} ·{' '}
              {event.actor.role === 'system'
                ? '系统'
                : (roleLabels[event.actor.role as keyof typeof roleLabels] ?? event.actor.role)}
            </Text>
            {(event.message || event.reason) && (
              <Text className="case-card-meta">{event.message ?? event.reason}</Text>
            )}
          </View>
        ))}
      </Cell.Group>
    </Page>
  )
}
