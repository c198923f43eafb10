import { caseStatusLabels, repeatMatchLabels, repeatReasonLabels, type CaseStatus } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { perform, useLoader } from '../../../admin/useLoader'
import {
  fetchLeaders,
  fetchRepeatConcerns,
  updateRepeatConcern,
  type RepeatConcern,
} from '../../../api/registry'
import { formatChinaTime } from '../../../cases/format'
import { Chips } from '../../../components/Chips'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DatePick } from '../../../components/DatePick'
import { StatusTag } from '../../../components/StatusTag'
import { Button, Empty } from '../../../ui/nutui'
import '../registry.css'
import './index.css'

type Filter = 'all' | 'overdue' | 'unowned'

const chinaDate = (iso: string) => formatChinaTime(iso).slice(0, 10)
const statusLabel = (status: string) => caseStatusLabels[status as CaseStatus] ?? status

/**
 * 信访积案 / 未息诉息访: a household or a phone raising the same matter again after it was closed.
 * The leader sees each one with the earlier cases, who owns it (包案领导) and by when it must be
 * settled, and names an owner or moves the deadline.
 */
export default function RepeatConcernsPage() {
  const [filter, setFilter] = useState<Filter>('all')
  // The concern whose owner is being chosen: leaders are offered as large chips, not a wheel.
  const [choosing, setChoosing] = useState<string | null>(null)
  const concerns = useLoader(fetchRepeatConcerns, [])
  const leaders = useLoader(fetchLeaders, [])
  const items = concerns.data?.items ?? []
  const overdue = items.filter((item) => item.overdue).length
  const unowned = items.filter((item) => !item.ownerLeaderId).length
  const shown = items.filter((item) =>
    filter === 'overdue' ? item.overdue : filter === 'unowned' ? !item.ownerLeaderId : true,
  )
  const leaderList = leaders.data?.items ?? []

  const change = (item: RepeatConcern, patch: { ownerLeaderId?: string; deadline?: string }, done: string) =>
    perform(() => updateRepeatConcern(item.id, patch), {
      done,
      then: concerns.reload,
      onError: concerns.setMessage,
    })

  return (
    <ConsoleShell page="repeatConcerns" title="重复诉求（信访积案）">
      <Text className="registry-meta">
        同一户或同一电话在诉求办结后再次反映同类事项。共 {items.length} 件，已超期 {overdue}{' '}
        件，未指定包案领导 {unowned} 件。
      </Text>
      <Chips
        items={[
          { value: 'all', label: `全部 ${items.length}` },
          { value: 'overdue', label: `已超期 ${overdue}` },
          { value: 'unowned', label: `未指定包案领导 ${unowned}` },
        ]}
        value={filter}
        onChange={(value) => setFilter(value as Filter)}
      />
      {concerns.message && <Text className="registry-message">{concerns.message}</Text>}
      {concerns.data && shown.length === 0 && (
        <Empty description={filter === 'all' ? '暂无重复诉求' : '没有符合条件的重复诉求'} />
      )}
      {shown.map((item) => (
        <View key={item.id} className="registry-card repeat-concern">
          <Text
            className="registry-title"
            onClick={() => void Taro.navigateTo({ url: `/pages/cases/detail/index?id=${item.caseId}` })}
          >
            {item.caseNumber} {item.title}
            <Text className="repeat-concern-open"> 查看诉求 ›</Text>
          </Text>
          <View className="repeat-concern-tags">
            <StatusTag tone={item.overdue ? 'danger' : 'info'}>
              {item.overdue ? '已超期' : statusLabel(item.status)}
            </StatusTag>
            <Text className="registry-tag">{repeatMatchLabels[item.matchedBy]}</Text>
            <Text className="registry-tag">{repeatReasonLabels[item.reason]}</Text>
          </View>
          <Text className="registry-meta">
            此前已办结 {item.previousCases.length} 次：
            {item.previousCases
              .map((previous) =>
                previous.closedAt
                  ? `${previous.number}（${chinaDate(previous.closedAt)}办结）`
                  : previous.number,
              )
              .join('；')}
          </Text>
          <Text className={item.ownerLeaderName ? 'registry-meta' : 'registry-meta registry-warn'}>
            包案领导：{item.ownerLeaderName ?? '未指定'}
          </Text>
          <Text className={item.overdue ? 'registry-meta registry-warn' : 'registry-meta'}>
            化解期限：{chinaDate(item.deadline)}
            {item.overdue ? '（已超期）' : ''} · 发现于 {chinaDate(item.flaggedAt)}
          </Text>
          <View className="registry-actions">
            <Button
              className="repeat-concern-owner"
              onClick={() => setChoosing(choosing === item.id ? null : item.id)}
            >
              {item.ownerLeaderName ? '更换包案领导' : '指定包案领导'}
            </Button>
            <DatePick
              label="调整期限"
              value={chinaDate(item.deadline)}
              onChange={(date) => void change(item, { deadline: `${date}T23:59:59+08:00` }, '期限已调整')}
            />
          </View>
          {choosing === item.id && (
            <View>
              <Text className="registry-meta">选择包案领导：</Text>
              {leaderList.length === 0 && <Text className="registry-meta">没有可选的领导账号</Text>}
              <Chips
                items={leaderList.map((leader) => ({ value: leader.id, label: leader.name }))}
                value={item.ownerLeaderId}
                onChange={(ownerLeaderId) => {
                  setChoosing(null)
                  void change(item, { ownerLeaderId }, '已指定包案领导')
                }}
              />
            </View>
          )}
        </View>
      ))}
    </ConsoleShell>
  )
}
