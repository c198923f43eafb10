import {
  AppError,
  caseStatusLabels,
  householdRegistryTagLabels,
  type CaseStatus,
  memberRelationLabels,
  visitPurposeLabels,
  type HouseholdPage,
} from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { fetchHousehold, revealHouseholdContact } from '../../../api/registry'
import { Page } from '../../../components/Page'
import { StatusTag } from '../../../components/StatusTag'
import { Button, Empty } from '../../../ui/nutui'
import { caseStatusTones } from '../../../ui/statusTone'
import '../registry.css'

const label = <T extends Record<string, string>>(labels: T, code: string) => labels[code as keyof T] ?? code
const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD')

/** One household over time: members, tags, every visit (whoever made it), cases, follow-ups, pairs. */
export default function HouseholdPageView() {
  const { id } = useRouter().params
  const [page, setPage] = useState<HouseholdPage | null>(null)
  const [contact, setContact] = useState<{ phone: string | null; address: string } | null>(null)
  const [message, setMessage] = useState('')
  const fail = (error: unknown) => setMessage(error instanceof AppError ? error.message : '加载失败')
  useDidShow(() => {
    if (id) void fetchHousehold(id).then(setPage).catch(fail)
  })
  if (!page) return <Page>{message ? <Text className="registry-message">{message}</Text> : null}</Page>

  return (
    <Page className="household-page">
      <View className="registry-card">
        <Text className="registry-title">{page.headName} 户</Text>
        <Text className="registry-meta">住址：{contact?.address ?? page.address}</Text>
        <Text className="registry-meta">
          电话：{contact ? (contact.phone ?? '无') : (page.phone ?? '无')}
        </Text>
        <View>
          {page.tags.map((tag) => (
            <Text key={tag} className="registry-tag">
              {label(householdRegistryTagLabels, tag)}
            </Text>
          ))}
        </View>
        {!contact && (
          <Button
            size="small"
            fill="outline"
            className="household-reveal"
            onClick={() => void revealHouseholdContact(page.id).then(setContact).catch(fail)}
          >
            查看完整联系方式（将留痕）
          </Button>
        )}
      </View>

      <Text className="registry-section">家庭成员（{page.members.length}）</Text>
      {page.members.map((member, index) => (
        <View key={index} className="registry-card">
          <Text className="registry-meta">
            {member.name} · {label(memberRelationLabels, member.relation)} · {member.ageBand}岁
            {member.tags.length
              ? ` · ${member.tags.map((tag) => label(householdRegistryTagLabels, tag)).join('、')}`
              : ''}
          </Text>
        </View>
      ))}

      <Text className="registry-section">走访记录（{page.visits.length}）</Text>
      {page.visits.length === 0 && <Empty description="尚无走访" />}
      {page.visits.map((visit) => (
        <View key={visit.id} className="registry-card household-visit">
          <Text className="registry-title">
            {day(visit.visitedAt)} · {visit.createdByName || '干部'}
          </Text>
          <Text className="registry-meta">
            {visit.purposes.map((purpose) => label(visitPurposeLabels, purpose)).join('、')}
          </Text>
          <Text className="registry-meta">{visit.notes || '（无记录）'}</Text>
        </View>
      ))}

      <Text className="registry-section">诉求与问题（{page.cases.length}）</Text>
      {page.cases.map((record) => (
        <View
          key={record.id}
          className="registry-card"
          onClick={() => void Taro.navigateTo({ url: `/pages/cases/detail/index?id=${record.id}` })}
        >
          <Text className="registry-title">
            {record.number} {record.title}
          </Text>
          <View>
            <StatusTag tone={caseStatusTones[record.status as CaseStatus] ?? 'info'}>
              {caseStatusLabels[record.status as CaseStatus] ?? record.status}
            </StatusTag>
            {record.repeat && <Text className="registry-tag">重复信访</Text>}
          </View>
          <Text className="registry-meta">提交于 {day(record.submittedAt)}</Text>
        </View>
      ))}

      <Text className="registry-section">回访（{page.followUps.length}）</Text>
      {page.followUps.map((followUp) => (
        <View key={followUp.caseId} className="registry-card">
          <Text className="registry-meta">
            {day(followUp.sampledAt)} ·{' '}
            {followUp.solved === null ? '待回访' : followUp.solved ? '问题已解决' : '问题未解决'}
            {followUp.comment ? ` · ${followUp.comment}` : ''}
          </Text>
        </View>
      ))}

      <Text className="registry-section">结对帮扶（{page.pairs.length}）</Text>
      {page.pairs.map((pair) => (
        <View key={pair.id} className="registry-card">
          <Text className="registry-meta">
            {pair.staffName} · {day(pair.pairedAt)} 起{pair.endedAt ? ` 至 ${day(pair.endedAt)}` : ''}
          </Text>
        </View>
      ))}
      {message && <Text className="registry-message">{message}</Text>}
    </Page>
  )
}
