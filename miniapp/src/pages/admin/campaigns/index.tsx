import { defaultCampaignQuotas, positionLevelLabels, positionLevels, type Unit } from '@minqing/shared'
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { createCampaign, fetchAllCampaigns, type CampaignView } from '../../../api/admin'
import { fetchUnits } from '../../../api/cases'
import { perform, useLoader } from '../../../admin/useLoader'
import { DatePick } from '../../../components/DatePick'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DataTable } from '../../../components/DataTable'
import { Button, Input } from '../../../ui/nutui'
import '../cases/index.css'

/**
 * Visit campaigns (大走访): the period, the participating units (with their subtrees) and the
 * quota of households per position level; the progress page shows each member against it.
 */
export default function CampaignsPage() {
  const campaigns = useLoader(fetchAllCampaigns, [])
  const units = useLoader(fetchUnits, [])
  const list: Unit[] = units.data ?? []
  const [form, setForm] = useState({ name: '', startsOn: '', endsOn: '', unitIds: [] as string[] })
  const [households, setHouseholds] = useState(
    Object.fromEntries(
      positionLevels.map((level) => [level, String(defaultCampaignQuotas[level].households)]),
    ),
  )
  const nameOf = (id: string) => list.find((unit) => unit.id === id)?.name ?? id

  const create = () =>
    perform(
      async () => {
        await createCampaign({
          ...form,
          name: form.name.trim(),
          quotas: Object.fromEntries(
            positionLevels.map((level) => [
              level,
              { ...defaultCampaignQuotas[level], households: Number(households[level]) || 0 },
            ]),
          ) as typeof defaultCampaignQuotas,
        })
        setForm({ name: '', startsOn: '', endsOn: '', unitIds: [] })
      },
      { done: '已创建', then: campaigns.reload, onError: campaigns.setMessage },
    )

  return (
    <ConsoleShell page="campaigns" title="走访活动与指标">
      <View className="console-form">
        <Input placeholder="活动名称" value={form.name} onChange={(name) => setForm({ ...form, name })} />
        <DatePick
          label="开始"
          value={form.startsOn}
          onChange={(startsOn) => setForm({ ...form, startsOn })}
        />
        <DatePick label="结束" value={form.endsOn} onChange={(endsOn) => setForm({ ...form, endsOn })} />
        <Picker
          mode="selector"
          range={list.map((unit) => unit.name)}
          onChange={(event) => {
            const unit = list[Number(event.detail.value)]
            if (unit && !form.unitIds.includes(unit.id))
              setForm({ ...form, unitIds: [...form.unitIds, unit.id] })
          }}
        >
          <Text className="console-picker">＋ 参与单位</Text>
        </Picker>
        {form.unitIds.map((id) => (
          <Text
            key={id}
            className="mq-chip"
            onClick={() => setForm({ ...form, unitIds: form.unitIds.filter((entry) => entry !== id) })}
          >
            {nameOf(id)} ✕
          </Text>
        ))}
      </View>
      <View className="console-form">
        <Text>走访户数指标：</Text>
        {positionLevels.map((level) => (
          <View key={level} className="console-switch">
            <Text>{positionLevelLabels[level]}</Text>
            <Input
              type="digit"
              value={households[level]}
              onChange={(value) => setHouseholds({ ...households, [level]: value })}
            />
          </View>
        ))}
        <Button size="small" type="primary" onClick={() => void create()}>
          创建活动
        </Button>
      </View>
      <DataTable<CampaignView>
        rows={campaigns.data ?? []}
        rowKey={(campaign) => campaign.id}
        columns={[
          { key: 'name', title: '活动', grow: 2, render: (campaign) => campaign.name },
          {
            key: 'period',
            title: '时间',
            grow: 2,
            render: (campaign) => `${campaign.startsOn} 至 ${campaign.endsOn}`,
          },
          {
            key: 'units',
            title: '参与单位',
            grow: 3,
            render: (campaign) => campaign.unitIds.map(nameOf).join('、'),
          },
          {
            key: 'progress',
            title: '进度',
            render: () => (
              <Text
                className="console-link"
                onClick={() => void Taro.navigateTo({ url: '/pages/visits/progress/index' })}
              >
                查看
              </Text>
            ),
          },
        ]}
      />
      {(campaigns.message || units.message) && (
        <Text className="review-message">{campaigns.message || units.message}</Text>
      )}
    </ConsoleShell>
  )
}
