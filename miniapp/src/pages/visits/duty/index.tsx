import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { fetchCategories, type CategoryNode } from '../../../api/cases'
import { fetchTodayDuty, recordReception, type DutyEntry } from '../../../api/visits'
import { newClientId } from '../../../cases/clientId'
import { Chips } from '../../../components/Chips'
import { Field } from '../../../components/Field'
import { Page } from '../../../components/Page'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, Input, TextArea } from '../../../ui/nutui'
import { cachedFetch } from '../../../visits/referenceCache'
import '../visits.css'

/** Today's reception duty, and the reception record: what the visitor asked becomes a routed case. */
export default function DutyPage() {
  const [duty, setDuty] = useState<{ date: string; myDuty: DutyEntry[]; unitDuty: DutyEntry | null } | null>(
    null,
  )
  const [categories, setCategories] = useState<CategoryNode[]>([])
  const [clientId, setClientId] = useState(newClientId)
  const [visitorName, setVisitorName] = useState('')
  const [visitorPhone, setVisitorPhone] = useState('')
  const [categoryCode, setCategoryCode] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  /** 当场解决: the duty leader solved it while the visitor was there; no case is filed. */
  const [onSite, setOnSite] = useState(false)
  const [resolution, setResolution] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')

  useDidShow(() => {
    void fetchTodayDuty()
      .then(setDuty)
      .catch(() => setDuty(null))
    void cachedFetch('categories', fetchCategories, setCategories)
  })

  const leaves = categories.flatMap((node) => (node.children.length ? node.children : [node]))

  async function submit() {
    try {
      const answer = await recordReception({
        clientId,
        receivedAt: dayjs().format('YYYY-MM-DDTHH:mm:ssZ'),
        visitor: { name: visitorName, phone: visitorPhone || undefined },
        requests: onSite ? [] : [{ kind: 'help', categoryCode: categoryCode ?? '', title, description }],
        solvedOnSite: onSite ? [{ categoryCode: categoryCode ?? '', title, resolution }] : [],
        notes: onSite ? description : '',
      })
      setMessage(
        onSite
          ? '已登记为当场解决，计入解决问题'
          : `已登记，转为诉求 ${answer.cases.map((item) => item.number).join('、')}`,
      )
      setResolution('')
      setClientId(newClientId())
      setTitle('')
      setDescription('')
      setErrors({})
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      setErrors(fieldErrors(appError))
      setMessage(appError.message)
    }
  }

  return (
    <Page>
      <Cell.Group title={`今日值班（${duty?.date ?? dayjs().format('YYYY-MM-DD')}）`}>
        {duty?.myDuty.length ? (
          <Cell title="今天由您接访" description={duty.myDuty[0]!.place || ''} />
        ) : (
          <Cell
            title={duty?.unitDuty ? `值班领导：${duty.unitDuty.leaderName ?? ''}` : '今日未排班'}
            description={duty?.unitDuty?.place ?? ''}
          />
        )}
      </Cell.Group>
      <Cell.Group title="接访登记">
        <Field error={errors['visitor.name']}>
          <Input
            name="visitorName"
            placeholder="来访群众姓名"
            value={visitorName}
            onChange={(value: string) => setVisitorName(value)}
          />
        </Field>
        <Field error={errors['visitor.phone']}>
          <Input
            name="visitorPhone"
            type="tel"
            placeholder="联系电话"
            value={visitorPhone}
            maxLength={11}
            onChange={(value: string) => setVisitorPhone(value)}
          />
        </Field>
        <Chips
          items={leaves.map((node) => ({ value: node.code, label: node.name }))}
          value={categoryCode}
          onChange={setCategoryCode}
        />
        {(errors['requests.0.categoryCode'] || errors['solvedOnSite.0.categoryCode']) && (
          <Text className="mq-field-error">请选择分类</Text>
        )}
        <Chips
          items={[
            { value: 'refer', label: '转交承办单位办理' },
            { value: 'onSite', label: '当场解决' },
          ]}
          value={onSite ? 'onSite' : 'refer'}
          onChange={(value) => setOnSite(value === 'onSite')}
        />
        <Field error={errors['requests.0.title'] ?? errors['solvedOnSite.0.title']}>
          <Input
            name="receptionTitle"
            placeholder="诉求标题"
            value={title}
            onChange={(value: string) => setTitle(value)}
          />
        </Field>
        <Field error={errors['requests.0.description']}>
          <TextArea
            placeholder="诉求内容"
            value={description}
            onChange={(value: string) => setDescription(value)}
          />
        </Field>
        {onSite && (
          <Field error={errors['solvedOnSite.0.resolution']}>
            <TextArea
              placeholder="当场如何解决（例如：现场联系物业，已修好楼道灯）"
              value={resolution}
              onChange={(value: string) => setResolution(value)}
            />
          </Field>
        )}
      </Cell.Group>
      {message && <Text className="visit-message">{message}</Text>}
      <View className="visit-actions">
        <Button type="primary" block onClick={() => void submit()}>
          {onSite ? '登记当场解决' : '登记并转办'}
        </Button>
        <Button block onClick={() => void Taro.navigateTo({ url: '/pages/cases/list/index?scope=all' })}>
          查看诉求
        </Button>
      </View>
    </Page>
  )
}
