import {
  AppError,
  contactPointKindLabels,
  contactPointKinds,
  contactTargetTypeLabels,
  contactTargetTypes,
  type ContactPoint,
  type ContactPointKind,
  type ContactTargetType,
} from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { createContactPoint, fetchContactPoints, logContactActivity } from '../../../api/campaigns'
import { downloadLedger } from '../../../admin/downloadLedger'
import { newClientId } from '../../../cases/clientId'
import { Chips } from '../../../components/Chips'
import { Field } from '../../../components/Field'
import { Page } from '../../../components/Page'
import { useCurrentUser } from '../../../session/useSession'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, Empty, Input, TextArea } from '../../../ui/nutui'
import '../visits.css'

const messageOf = (error: unknown) => (error instanceof AppError ? error : new AppError('NETWORK_ERROR'))

/**
 * A unit's 联系点 and 帮扶共建 partners with their activity logs: staff log what they did there,
 * leaders add points (with themselves as the responsible leader) and export the ledger for the
 * campaign office.
 */
export default function ContactPointsPage() {
  const user = useCurrentUser()
  const [points, setPoints] = useState<ContactPoint[]>([])
  const [openId, setOpenId] = useState<string | null>(null)
  const [clientId, setClientId] = useState(newClientId)
  const [summary, setSummary] = useState('')
  const [adding, setAdding] = useState(false)
  const [kind, setKind] = useState<ContactPointKind>('contactPoint')
  const [targetType, setTargetType] = useState<ContactTargetType>('village')
  const [name, setName] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [loaded, setLoaded] = useState(false)
  const [saved, setSaved] = useState(false)

  const reload = () =>
    fetchContactPoints()
      .then((items) => {
        setPoints(items)
        setLoaded(true)
      })
      .catch((error: unknown) => setMessage(messageOf(error).message))
  useDidShow(() => void reload())

  async function logActivity(point: ContactPoint) {
    try {
      await logContactActivity(point.id, { clientId, heldOn: dayjs().format('YYYY-MM-DD'), summary })
      setMessage(`已记录：${point.name}的活动`)
      setSaved(true)
      setClientId(newClientId())
      setSummary('')
      setOpenId(null)
      setErrors({})
      await reload()
    } catch (error) {
      setErrors(fieldErrors(messageOf(error)))
      setMessage(messageOf(error).message)
      setSaved(false)
    }
  }

  async function add() {
    if (!user?.unitId) return
    try {
      await createContactPoint({
        unitId: user.unitId,
        kind,
        targetType,
        name,
        leaderId: user.id,
        since: dayjs().format('YYYY-MM-DD'),
      })
      setAdding(false)
      setName('')
      setErrors({})
      await reload()
    } catch (error) {
      setErrors(fieldErrors(messageOf(error)))
      setMessage(messageOf(error).message)
      setSaved(false)
    }
  }

  async function exportLedger() {
    try {
      const result = await downloadLedger('/exports/contact-points.xlsx', () => undefined)
      setMessage(`已导出 ${result.filename}`)
      setSaved(true)
    } catch (error) {
      setMessage(messageOf(error).message)
      setSaved(false)
    }
  }

  return (
    <Page>
      {loaded && points.length === 0 && (
        <Empty
          description={
            user?.role === 'leader'
              ? '本单位还没有联系点或帮扶共建对象：点下方“新增联系点或共建对象”添加'
              : '本单位还没有联系点或帮扶共建对象。联系点由单位领导添加，添加后可在这里记录每次活动'
          }
        />
      )}
      {points.length > 0 && <Text className="visit-hint">点一个联系点，记录今天在那里做的事</Text>}
      {contactPointKinds.map((group) => {
        const items = points.filter((point) => point.kind === group)
        if (!items.length) return null
        return (
          <Cell.Group key={group} title={contactPointKindLabels[group]}>
            {items.map((point) => (
              <View key={point.id} className="visit-contact">
                <Cell
                  // "东湖村", not "东湖村（村）": the type only when the name does not say it.
                  title={
                    point.name.endsWith(contactTargetTypeLabels[point.targetType])
                      ? point.name
                      : `${point.name}（${contactTargetTypeLabels[point.targetType]}）`
                  }
                  description={`联系领导 ${point.leaderName ?? '—'} · 活动 ${point.activities} 次${
                    point.lastActivityOn ? ` · 最近 ${point.lastActivityOn}` : ''
                  }`}
                  onClick={() => setOpenId(openId === point.id ? null : point.id)}
                />
                {openId === point.id && (
                  <View className="visit-card visit-contact-log">
                    <Text className="visit-activity-label">今天（{dayjs().format('M月D日')}）的活动</Text>
                    <Field error={errors.summary}>
                      <TextArea
                        placeholder="今天在这里做了什么（调研、走访、共建活动）"
                        value={summary}
                        onChange={(value: string) => setSummary(value)}
                      />
                    </Field>
                    <Button type="primary" block onClick={() => void logActivity(point)}>
                      记录活动
                    </Button>
                  </View>
                )}
              </View>
            ))}
          </Cell.Group>
        )
      })}
      {user?.role === 'leader' && adding && (
        <Cell.Group title="新增（本人为联系领导）">
          <Text className="visit-hint">类型</Text>
          <Chips
            items={contactPointKinds.map((value) => ({ value, label: contactPointKindLabels[value] }))}
            value={kind}
            onChange={(value) => setKind(value as ContactPointKind)}
          />
          <Text className="visit-hint">对象</Text>
          <Chips
            items={contactTargetTypes.map((value) => ({ value, label: contactTargetTypeLabels[value] }))}
            value={targetType}
            onChange={(value) => setTargetType(value as ContactTargetType)}
          />
          <Text className="visit-hint">名称</Text>
          <Field error={errors.name}>
            <Input
              name="name"
              placeholder="名称，例如 东湖村"
              value={name}
              onChange={(value: string) => setName(value)}
            />
          </Field>
          <Button type="primary" block onClick={() => void add()}>
            保存
          </Button>
        </Cell.Group>
      )}
      {message && <Text className={`visit-message ${saved ? 'visit-message-ok' : ''}`}>{message}</Text>}
      {user?.role === 'leader' && (
        <View className="visit-actions">
          {!adding && (
            <Button block onClick={() => setAdding(true)}>
              新增联系点或共建对象
            </Button>
          )}
          <Button block onClick={() => void exportLedger()}>
            导出台账（报送活动办）
          </Button>
        </View>
      )}
    </Page>
  )
}
