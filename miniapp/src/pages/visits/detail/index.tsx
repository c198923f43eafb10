import { caseStatusLabels, householdTagLabels, visitPurposeLabels, type VisitPurpose } from '@minqing/shared'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { fetchVisit, type VisitDetail } from '../../../api/visits'
import { Page } from '../../../components/Page'
import { Button, Cell } from '../../../ui/nutui'
import { photoStore } from '../../../visits/photoStore'
import { removeDraft, syncStateLabels, type LocalVisit } from '../../../visits/queue'
import { queueStore } from '../../../visits/visitStore'
import '../visits.css'
import { ServerVisit } from './ServerVisit'

/** One visit: what the phone holds, and once synced what the server made of it (cases). */
export default function VisitDetailPage() {
  const { params } = useRouter()
  const [visit, setVisit] = useState<LocalVisit | null>(null)
  const [photoUrls, setPhotoUrls] = useState<string[]>([])
  const [server, setServer] = useState<VisitDetail | null>(null)

  const [missing, setMissing] = useState(false)

  useDidShow(() => {
    const found = params.clientId
      ? (queueStore.load().find((item) => item.clientId === params.clientId) ?? null)
      : null
    setVisit(found)
    if (!found) {
      // Not on this phone: a visit from the server's history (recorded on another phone).
      if (params.id)
        void fetchVisit(params.id)
          .then(setServer)
          .catch(() => setMissing(true))
      else setMissing(true)
      return
    }
    void Promise.all(found.photos.map((photo) => photoStore.displayUrl(photo.ref).catch(() => ''))).then(
      setPhotoUrls,
    )
    if (found.serverId)
      void fetchVisit(found.serverId)
        .then(setServer)
        .catch(() => setServer(null))
  })

  if (!visit && server)
    return (
      <Page>
        <ServerVisit visit={server} />
      </Page>
    )
  if (!visit) return <Page>{missing ? '未找到该走访记录（离线时只能查看本机上的走访）' : '正在加载…'}</Page>
  const { form } = visit
  const tagLabel = (tag: string) => householdTagLabels[tag as keyof typeof householdTagLabels] ?? tag
  return (
    <Page>
      <Cell.Group title="同步状态">
        <Cell
          title={
            <Text className={`visit-detail-state visit-state-${visit.state}`}>
              {syncStateLabels[visit.state]}
            </Text>
          }
          description={
            visit.error?.message ??
            (visit.syncedAt
              ? `同步于 ${dayjs(visit.syncedAt).format('MM-DD HH:mm')}，第${visit.revision}版`
              : '')
          }
        />
      </Cell.Group>
      <Cell.Group title="走访对象">
        <Cell title={form.household.name} description={form.household.address} />
        {form.household.phone && <Cell title="电话" extra={form.household.phone} />}
        {form.household.tags.length > 0 && (
          <Cell title="标签" description={form.household.tags.map(tagLabel).join('、')} />
        )}
        <Cell title="走访时间" extra={dayjs(form.visitedAt).format('YYYY-MM-DD HH:mm')} />
        <Cell
          title="目的"
          description={form.purposes.map((purpose) => visitPurposeLabels[purpose as VisitPurpose]).join('、')}
        />
      </Cell.Group>
      <Cell.Group title="民情日记">
        <View className="visit-picker">
          <Text>{form.notes || '（无）'}</Text>
        </View>
      </Cell.Group>
      {photoUrls.length > 0 && (
        <View className="visit-photos">
          {photoUrls.map((url, index) => (
            <Image key={index} className="visit-photo" src={url} mode="aspectFill" />
          ))}
        </View>
      )}
      {form.problems.length > 0 && (
        <Cell.Group title="发现的问题">
          {form.problems.map((problem, index) => {
            const linked = server?.problems[index]?.case
            return (
              <Cell
                key={index}
                className="visit-problem-case"
                title={problem.title}
                description={
                  linked
                    ? `已转诉求 ${linked.number}（${caseStatusLabels[linked.status as keyof typeof caseStatusLabels] ?? linked.status}）`
                    : '同步后转为诉求'
                }
                onClick={() =>
                  linked && void Taro.navigateTo({ url: `/pages/cases/detail/index?id=${linked.id}` })
                }
              />
            )
          })}
        </Cell.Group>
      )}
      <View className="visit-actions">
        <Button
          className="visit-edit"
          block
          onClick={() => void Taro.navigateTo({ url: `/pages/visits/new/index?clientId=${visit.clientId}` })}
        >
          {visit.state === 'synced' ? '修改（作为新版本同步）' : '继续编辑'}
        </Button>
        {visit.state === 'draft' && (
          <Button
            block
            onClick={() => {
              queueStore.save(removeDraft(queueStore.load(), visit.clientId))
              void Taro.navigateBack()
            }}
          >
            删除草稿
          </Button>
        )}
      </View>
    </Page>
  )
}
