import {
  AppError,
  rectificationSourceLabels,
  rectificationSources,
  rectificationStatusLabels,
} from '@minqing/shared'
import { Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import {
  createRectificationList,
  fetchRectificationList,
  fetchRectificationLists,
  rectificationLedgerPath,
  type RectificationListDetail,
  type RectificationListSummary,
} from '../../../api/registry'
import { downloadLedger } from '../../../admin/downloadLedger'
import { Chips } from '../../../components/Chips'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { useCurrentUser } from '../../../session/useSession'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, Empty, Input, TextArea } from '../../../ui/nutui'
import { parseOutline } from './parseOutline'
import '../registry.css'

const chineseDigits = '一二三四五六七八九十'

/** 整改台账: the lists you own or work on; one list as its tree 方面 → 项 → 问题; a new list from an outline. */
export default function RectificationPage() {
  const user = useCurrentUser()
  const { id } = useRouter().params
  const [lists, setLists] = useState<RectificationListSummary[]>([])
  const [open, setOpen] = useState<RectificationListDetail | null>(null)
  const [title, setTitle] = useState('')
  const [source, setSource] = useState<(typeof rectificationSources)[number]>('inspection')
  const [outline, setOutline] = useState('')
  const [deadline, setDeadline] = useState(dayjs().add(3, 'month').format('YYYY-MM-DD'))
  const [message, setMessage] = useState('')
  const fail = (error: unknown) => {
    const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
    const issues = Object.values(fieldErrors(appError))
    setMessage(issues.length ? issues.join('；') : appError.message)
  }
  const show = (listId: string) => fetchRectificationList(listId).then(setOpen).catch(fail)
  useDidShow(() => {
    void fetchRectificationLists()
      .then((answer) => setLists(answer.items))
      .catch(fail)
    if (id) void show(id)
  })

  async function create() {
    if (!user?.unitId) return setMessage('您的账号未归属单位，不能创建台账')
    const aspects = parseOutline(outline, {
      responsibleLeaderId: user.id,
      leadUnitId: user.unitId,
      measures: '按整改方案逐项落实',
      target: '问题整改到位、销号',
      deadline,
    })
    try {
      const created = await createRectificationList({ title, source, aspects })
      setOpen(created)
      setLists([created, ...lists])
      setMessage('')
    } catch (error) {
      fail(error)
    }
  }

  async function exportLedger(listId: string) {
    try {
      const result = await downloadLedger(rectificationLedgerPath(listId), () => undefined)
      setMessage(`已导出 ${result.filename}`)
    } catch (error) {
      fail(error)
    }
  }

  return (
    <ConsoleShell page="rectification" title="整改台账">
      {lists.length === 0 && <Empty description="暂无整改台账" />}
      {lists.map((list) => (
        <View key={list.id} className="registry-card rectification-list" onClick={() => void show(list.id)}>
          <Text className="registry-title">{list.title}</Text>
          <Text className="registry-meta">
            {rectificationSourceLabels[list.source]} · {list.headline}
          </Text>
        </View>
      ))}
      {open && (
        <View className="rectification-tree">
          <Text className="registry-section">{open.title}</Text>
          <Text className="registry-meta rectification-headline">{open.headline}</Text>
          <View className="registry-actions">
            <Button
              type="primary"
              className="rectification-report"
              onClick={() => void Taro.navigateTo({ url: `/pages/registry/report/index?id=${open.id}` })}
            >
              整改报告
            </Button>
            <Button
              fill="outline"
              className="rectification-export"
              onClick={() => void exportLedger(open.id)}
            >
              导出台账（xlsx）
            </Button>
          </View>
          {open.aspects.map((aspect) => (
            <View key={aspect.no}>
              <Text className="registry-aspect">
                {chineseDigits[aspect.no - 1] ?? aspect.no}、{aspect.title}
              </Text>
              {aspect.items.map((item) => (
                <View key={item.no}>
                  <Text className="registry-item">
                    {item.no}. {item.title}
                  </Text>
                  {item.problems.map((problem) => (
                    <View
                      key={problem.id}
                      className="registry-card rectification-problem"
                      onClick={() =>
                        void Taro.navigateTo({
                          url: `/pages/registry/problem/index?id=${problem.id}&list=${open.id}`,
                        })
                      }
                    >
                      <Text className="registry-title">
                        问题{problem.no}：{problem.description}
                      </Text>
                      <Text className="registry-meta">
                        {problem.responsibleLeaderName} · {problem.leadUnitName} · 时限 {problem.deadline}
                      </Text>
                      <Text className={problem.overdue ? 'registry-warn' : 'registry-ok'}>
                        {rectificationStatusLabels[problem.status]}
                        {problem.overdue ? ' · 已逾期' : ''}
                      </Text>
                    </View>
                  ))}
                </View>
              ))}
            </View>
          ))}
        </View>
      )}
      {user?.role === 'leader' && (
        <Cell.Group title="新建整改台账">
          <Cell>
            <Input
              name="listTitle"
              placeholder="台账名称，如：区委第一巡察组反馈问题整改"
              value={title}
              onChange={(value: string) => setTitle(value)}
            />
          </Cell>
          <Cell>
            <Chips
              className="rectification-source"
              items={rectificationSources.map((code) => ({
                value: code,
                label: rectificationSourceLabels[code],
              }))}
              value={source}
              onChange={(value) => setSource(value as (typeof rectificationSources)[number])}
            />
          </Cell>
          <Cell>
            <TextArea
              className="rectification-outline"
              placeholder={'一、方面\n1. 项\n- 问题'}
              value={outline}
              maxLength={20000}
              onChange={(value: string) => setOutline(value)}
            />
          </Cell>
          <Cell>
            <Picker mode="date" value={deadline} onChange={(event) => setDeadline(event.detail.value)}>
              <Text>整改时限：{deadline}</Text>
            </Picker>
          </Cell>
          <View className="registry-actions">
            <Button type="primary" className="rectification-create" onClick={() => void create()}>
              创建（责任领导、牵头单位默认为本人及本单位）
            </Button>
          </View>
        </Cell.Group>
      )}
      {message && <Text className="registry-message">{message}</Text>}
    </ConsoleShell>
  )
}
