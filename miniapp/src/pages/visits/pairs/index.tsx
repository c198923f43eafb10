import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { createPair, fetchPair, fetchPairs, type Pair, type PairHistory } from '../../../api/visits'
import { Field } from '../../../components/Field'
import { Page } from '../../../components/Page'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, Empty, Input } from '../../../ui/nutui'
import '../visits.css'

const dueLabels = { ok: '正常', dueSoon: '即将到期', overdue: '已逾期' } as const

/** My paired households, the overdue revisits first, and pairing with a new household. */
export default function PairsPage() {
  const [pairs, setPairs] = useState<Pair[]>([])
  const [name, setName] = useState('')
  const [address, setAddress] = useState('')
  const [days, setDays] = useState('30')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  /** The pair whose visit history is open. */
  const [history, setHistory] = useState<PairHistory | null>(null)

  const load = () =>
    fetchPairs()
      .then(setPairs)
      .catch((error: AppError) => setMessage(error.message))
  useDidShow(() => void load())

  async function add() {
    try {
      await createPair({ household: { name, address, tags: [] }, revisitEveryDays: Number(days) || 30 })
      setName('')
      setAddress('')
      setErrors({})
      await load()
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      setErrors(fieldErrors(appError))
      setMessage(appError.code === 'DUPLICATE' ? '已与该户结对' : appError.message)
    }
  }

  return (
    <Page>
      {pairs.length === 0 && <Empty description="还没有结对户" />}
      {pairs.map((pair) => (
        <View
          key={pair.id}
          className="visit-card pair-card"
          onClick={() =>
            history?.id === pair.id
              ? setHistory(null)
              : void fetchPair(pair.id)
                  .then(setHistory)
                  .catch((error: unknown) =>
                    setMessage(error instanceof AppError ? error.message : '加载失败'),
                  )
          }
        >
          <Text className={`visit-state visit-due-${pair.revisit.state}`}>
            {dueLabels[pair.revisit.state]}
          </Text>
          <Text className="visit-card-title">{pair.household.name}</Text>
          <Text className="visit-card-meta">
            {pair.household.address} · 每{pair.revisitEveryDays}天回访 · 下次 {pair.revisit.dueOn}
          </Text>
          <Text className="visit-card-meta">
            {pair.lastVisitAt ? `上次走访 ${dayjs(pair.lastVisitAt).format('YYYY-MM-DD')}` : '尚未走访'}
          </Text>
          {history?.id === pair.id &&
            (history.history.length ? (
              history.history.map((visit) => (
                <Text key={visit.id} className="visit-card-meta pair-history">
                  {dayjs(visit.visitedAt).format('YYYY-MM-DD')}：{visit.notes || '（无记录）'}
                </Text>
              ))
            ) : (
              <Text className="visit-card-meta">还没有走访记录</Text>
            ))}
        </View>
      ))}
      <Cell.Group title="新增结对">
        <Field error={errors['household.name']}>
          <Input
            name="pairName"
            placeholder="户主姓名"
            value={name}
            onChange={(value: string) => setName(value)}
          />
        </Field>
        <Field error={errors['household.address']}>
          <Input
            name="pairAddress"
            placeholder="住址"
            value={address}
            onChange={(value: string) => setAddress(value)}
          />
        </Field>
        <Field error={errors.revisitEveryDays}>
          <Input
            name="pairDays"
            type="number"
            placeholder="回访间隔（天）"
            value={days}
            onChange={(value: string) => setDays(value)}
          />
        </Field>
      </Cell.Group>
      {message && <Text className="visit-message">{message}</Text>}
      <View className="visit-actions">
        <Button type="primary" block onClick={() => void add()}>
          结对
        </Button>
      </View>
    </Page>
  )
}
