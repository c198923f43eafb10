import type { OpenWork } from '@minqing/shared'
import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { latestCall } from '../../../api/latestCall'
import { messageOf } from '../../../admin/useLoader'
import { fetchOpenWork } from '../../../api/admin'
import { reassignWork } from '../../../api/orgImport'
import { Button } from '../../../ui/nutui'

interface Person {
  id: string
  name: string
  role: string
  disabled?: boolean
}
type Item = { kind: 'case' | 'duty' | 'pair'; id: string; label: string }

const kindLabels = { case: '包案', duty: '值班', pair: '结对户' } as const
/** Who may take each kind over (the server checks again). */
const takers = { case: ['leader'], duty: ['leader', 'staff'], pair: ['staff', 'leader', 'handler'] }

function itemsOf(work: OpenWork): Item[] {
  return [
    ...work.ownedCases.map((item) => ({
      kind: 'case' as const,
      id: item.id,
      label: `${item.number} ${item.title}`,
    })),
    ...work.duties.map((item) => ({
      kind: 'duty' as const,
      id: item.id,
      label: `${item.date} ${item.place}`,
    })),
    ...work.pairs.map((item) => ({ kind: 'pair' as const, id: item.id, label: item.householdName })),
  ]
}

/** 待移交工作: what a person still holds, each item handed to another person of the list. */
export function OpenWorkPanel({
  person,
  people,
  onClose,
}: {
  person: Person
  people: readonly Person[]
  onClose: () => void
}) {
  const [work, setWork] = useState<Item[] | null>(null)
  const [message, setMessage] = useState('')
  // Another person chosen while the first one's work is on its way: show only the chosen one's.
  const gate = useRef(latestCall()).current
  const load = async () => {
    const isLatest = gate.begin()
    try {
      const items = itemsOf(await fetchOpenWork(person.id))
      if (isLatest()) setWork(items)
    } catch (error) {
      if (isLatest()) setMessage(messageOf(error))
    }
  }
  useEffect(() => {
    setWork(null)
    setMessage('')
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when another person is chosen
  }, [person.id])
  const hand = async (item: Item, to: Person) => {
    try {
      await reassignWork(person.id, { kind: item.kind, id: item.id, toUserId: to.id })
      setMessage(`已将${kindLabels[item.kind]}「${item.label}」移交给${to.name}`)
      await load()
    } catch (error) {
      setMessage(messageOf(error))
    }
  }
  return (
    <View className="units-open-work">
      <Text className="units-editor-title">{person.name}的待移交工作</Text>
      {work && !work.length && <Text className="units-open-work-none">没有待移交的工作。</Text>}
      {work?.map((item) => {
        const candidates = people.filter(
          (other) => other.id !== person.id && !other.disabled && takers[item.kind].includes(other.role),
        )
        return (
          <View key={`${item.kind}-${item.id}`} className="units-open-work-item">
            <Text className="units-open-work-kind">{kindLabels[item.kind]}</Text>
            <Text className="units-open-work-label">{item.label}</Text>
            {candidates.length ? (
              <Picker
                mode="selector"
                range={candidates.map((other) => other.name)}
                onChange={(event) => void hand(item, candidates[Number(event.detail.value)]!)}
              >
                <Text className="console-picker units-open-work-hand">移交给…</Text>
              </Picker>
            ) : (
              <Text className="units-open-work-none">本单位没有可接手的人（可先在上方选择其他单位）</Text>
            )}
          </View>
        )
      })}
      {message && <Text className="review-message units-open-work-message">{message}</Text>}
      <Button size="small" onClick={onClose}>
        关闭
      </Button>
    </View>
  )
}
