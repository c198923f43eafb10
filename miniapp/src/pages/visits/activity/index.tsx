import {
  AppError,
  campaignActivityKindLabels,
  campaignActivityKinds,
  type CampaignActivityKind,
} from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { recordCampaignActivity } from '../../../api/campaigns'
import { fetchCampaigns, type Campaign } from '../../../api/visits'
import { newClientId } from '../../../cases/clientId'
import { Chips } from '../../../components/Chips'
import { DatePick } from '../../../components/DatePick'
import { Field } from '../../../components/Field'
import { Page } from '../../../components/Page'
import { useCurrentUser } from '../../../session/useSession'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, Empty, Input, TextArea } from '../../../ui/nutui'
import { cachedFetch } from '../../../visits/referenceCache'
import '../visits.css'

/**
 * 宣讲, 座谈会, 线上交流 and 办实事好事 are what a campaign's quotas and report count besides
 * visits: recorded here for the staff member's own unit, with the recorder as host.
 */
export default function ActivityPage() {
  const user = useCurrentUser()
  const [campaigns, setCampaigns] = useState<Campaign[]>([])
  const [campaignId, setCampaignId] = useState<string | null>(null)
  const [clientId, setClientId] = useState(newClientId)
  const [kind, setKind] = useState<CampaignActivityKind>('talk')
  const [heldOn, setHeldOn] = useState(dayjs().format('YYYY-MM-DD'))
  const [attendees, setAttendees] = useState('')
  const [opinions, setOpinions] = useState('')
  const [summary, setSummary] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [saved, setSaved] = useState(false)

  useDidShow(() => {
    void cachedFetch('campaigns', fetchCampaigns, (items) => {
      setCampaigns(items)
      setCampaignId((current) => current ?? items[0]?.id ?? null)
    })
  })

  async function save() {
    if (!campaignId || !user?.unitId) return
    try {
      await recordCampaignActivity(campaignId, {
        clientId,
        kind,
        heldOn,
        unitId: user.unitId,
        attendees: Number(attendees) || 0,
        opinionsCollected: Number(opinions) || 0,
        summary,
      })
      setMessage(`已记录${campaignActivityKindLabels[kind]}：${heldOn}，已计入活动报告`)
      setSaved(true)
      // A new draft: saving again records a second activity only on purpose.
      setClientId(newClientId())
      setAttendees('')
      setOpinions('')
      setSummary('')
      setErrors({})
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      setErrors(fieldErrors(appError))
      setMessage(appError.message)
      setSaved(false)
    }
  }

  if (campaigns.length === 0)
    return (
      <Page>
        <Empty description="暂无进行中的走访活动，活动开始后可在这里记录宣讲、座谈会等" />
      </Page>
    )
  const campaign = campaigns.find((item) => item.id === campaignId)
  return (
    <Page>
      <Text className="visit-hint">
        计入{campaign ? `“${campaign.name}”` : '走访活动'}，记在本单位名下，您为主讲或主持人
      </Text>
      {campaigns.length > 1 && (
        <Chips
          items={campaigns.map((item) => ({ value: item.id, label: item.name }))}
          value={campaignId}
          onChange={setCampaignId}
        />
      )}
      <Cell.Group title="活动类型">
        <Chips
          items={campaignActivityKinds.map((value) => ({ value, label: campaignActivityKindLabels[value] }))}
          value={kind}
          onChange={(value) => setKind(value as CampaignActivityKind)}
        />
      </Cell.Group>
      <Cell.Group title="活动情况">
        <Field error={errors.heldOn}>
          <DatePick label="活动日期" value={heldOn} end={dayjs().format('YYYY-MM-DD')} onChange={setHeldOn} />
        </Field>
        <Field error={errors.attendees}>
          <Text className="visit-activity-label">参加人数（人）</Text>
          <Input
            name="attendees"
            type="digit"
            placeholder="例如 30"
            value={attendees}
            onChange={(value: string) => setAttendees(value)}
          />
        </Field>
        {kind !== 'goodDeed' && (
          <Field error={errors.opinionsCollected}>
            <Text className="visit-activity-label">收集意见建议（条）</Text>
            <Input
              name="opinions"
              type="digit"
              placeholder="没有可不填"
              value={opinions}
              onChange={(value: string) => setOpinions(value)}
            />
          </Field>
        )}
        <Field error={errors.summary}>
          <Text className="visit-activity-label">内容</Text>
          <TextArea
            placeholder={kind === 'goodDeed' ? '为群众办了什么实事' : '主题和主要内容'}
            value={summary}
            onChange={(value: string) => setSummary(value)}
          />
        </Field>
      </Cell.Group>
      {message && <Text className={`visit-message ${saved ? 'visit-message-ok' : ''}`}>{message}</Text>}
      <View className="visit-actions">
        <Button type="primary" block onClick={() => void save()}>
          保存
        </Button>
      </View>
    </Page>
  )
}
