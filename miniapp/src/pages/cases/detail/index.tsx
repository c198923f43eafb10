import {
  AppError,
  checkTransition,
  caseKindLabels,
  ratingLabels,
  ratings,
  roleLabels,
  type Rating,
  type TransitionInput,
  type Unit,
} from '@minqing/shared'
import { Image, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import {
  fetchCategories,
  fetchCase,
  fetchCaseContact,
  fetchUnits,
  similarTo,
  transition,
  uploadPhoto,
  type CaseView,
  type SimilarCase,
} from '../../../api/cases'
import { actionLabels, availableActions, type ActionSpec } from '../../../cases/actions'
import { formatDeadline, formatTimeLeft, timeStateLabels } from '../../../cases/format'
import { Chips } from '../../../components/Chips'
import { Field } from '../../../components/Field'
import { Page } from '../../../components/Page'
import { SimilarCases } from '../../../components/SimilarCases'
import { sessionStore } from '../../../session/sessionStore'
import { useCurrentUser } from '../../../session/useSession'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, Input, Switch, TextArea } from '../../../ui/nutui'
import '../cases.css'
import { withPrivacy } from '../../../privacy/privacy'
import { SubscribeButton } from '../../../components/SubscribeButton'
import { readableRoutingReason } from '../../../ui/labels'

const sessionUserRole = () => sessionStore.get()?.user.role

export default function CaseDetailPage() {
  const { id = '', new: justSubmitted } = useRouter().params
  const user = useCurrentUser()
  const [item, setItem] = useState<CaseView | null>(null)
  const [units, setUnits] = useState<Unit[]>([])
  const [unitIndex, setUnitIndex] = useState(-1)
  const [text, setText] = useState('')
  const [isPublic, setIsPublic] = useState(true)
  const [days, setDays] = useState('3')
  /** Photos of the fix (or more evidence), uploaded and waiting to go with the next action. */
  const [attachments, setAttachments] = useState<string[]>([])
  /** Leaf categories, loaded only when the resident may still correct the category. */
  const [categories, setCategories] = useState<Array<{ value: string; label: string }>>([])
  const [duplicates, setDuplicates] = useState<SimilarCase[]>([])
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  /** Shown only after an explicit request: every view of it is audited on the server. */
  const [contact, setContact] = useState<{ phone: string | null; name: string | null } | null>(null)

  async function showContact() {
    try {
      setContact(await fetchCaseContact(id))
    } catch (error) {
      setMessage(error instanceof AppError ? error.message : '加载失败')
    }
  }

  async function load() {
    try {
      const loaded = await fetchCase(id)
      setItem(loaded)
      // The dispatch centre sees possible duplicates of an unsigned case, to merge them (并单).
      if (
        sessionUserRole() === 'admin' &&
        ['submitted', 'dispatched', 'transferred', 'returned'].includes(loaded.status)
      ) {
        setDuplicates(await similarTo(id).catch(() => []))
      }
    } catch (error) {
      setMessage(error instanceof AppError ? error.message : '加载失败')
    }
  }
  useDidShow(() => {
    void load()
    if (sessionUserRole() === 'resident') {
      fetchCategories()
        .then((tree) =>
          setCategories(
            tree.flatMap((node) =>
              node.children.length
                ? node.children.map((child) => ({ value: child.code, label: `${node.name}·${child.name}` }))
                : [{ value: node.code, label: node.name }],
            ),
          ),
        )
        .catch(() => undefined)
    }
    fetchUnits()
      .then(setUnits)
      .catch(() => undefined)
  })

  async function attachPhotos() {
    const chosen = await withPrivacy('photos', () =>
      Taro.chooseImage({ count: 9 - attachments.length, sizeType: ['compressed'] }),
    ).catch(() => null)
    for (const path of chosen?.tempFilePaths ?? []) {
      try {
        const { id: fileId } = await uploadPhoto(path)
        setAttachments((current) => [...current, fileId])
      } catch (error) {
        setMessage(error instanceof AppError ? error.message : '照片上传失败')
      }
    }
  }

  async function run(input: TransitionInput) {
    setBusy(true)
    setMessage('')
    try {
      await transition(id, input)
      setText('')
      setAttachments([])
      await load()
      void Taro.showToast({ title: '操作成功', icon: 'success' })
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      const issues = Object.values(fieldErrors(appError))
      setMessage(issues.length ? issues.join('；') : appError.message)
    } finally {
      setBusy(false)
    }
  }

  function act(spec: ActionSpec) {
    const unitId = units[unitIndex]?.id ?? ''
    const body: Record<string, unknown> = { action: spec.action, ...spec.fields }
    if (spec.text) body[spec.text] = text
    if (spec.unit === 'unitId') body.unitId = unitId
    if (spec.unit === 'unitIds') body.unitIds = unitId ? [unitId] : []
    if (spec.needsDays) body.workingDays = Number(days)
    if (spec.action === 'reply') body.public = isPublic
    if (attachments.length && ['reply', 'resolve', 'addInfo'].includes(spec.action))
      body.attachments = attachments
    // The server validates the body with the same shared schema and answers field by field.
    void run(body as TransitionInput)
  }

  if (!item || !user) {
    return <Page>{message && <Text className="case-message">{message}</Text>}</Page>
  }
  const actions = availableActions(user, item)
  const canRate = user.role === 'resident' && item.status === 'resolved'
  // A wrong category can be corrected until a unit signs for the case (it is routed again).
  const canRecategorize = checkTransition(item.status, 'recategorize', user.role).ok && categories.length > 0
  const needsText = actions.some((spec) => spec.text)
  const needsUnit = actions.some((spec) => spec.unit)
  const needsDays = actions.some((spec) => spec.needsDays)

  return (
    <Page>
      {justSubmitted && (
        <Text className="case-expected">
          已提交，编号 {item.number}。预计在 {formatDeadline(item.deadlines.expectedAnswerBy)} 前答复您。
        </Text>
      )}
      {user.role === 'resident' && !['closed', 'rejected'].includes(item.status) && (
        <SubscribeButton caseId={item.id} />
      )}
      <Cell.Group title={item.title}>
        <Cell title="状态" extra={<Text className="case-status">{item.statusLabel}</Text>} />
        <Cell title="类型" extra={caseKindLabels[item.kind]} />
        <Cell title="承办单位" extra={item.unitName ?? '派单中心'} />
        <Cell title="派单依据" description={readableRoutingReason(item.routing.reason)} />
        {item.timeState && (
          <Cell
            title={`时限（${timeStateLabels[item.timeState.state]}）`}
            extra={
              <Text className={`case-state-${item.timeState.state}`}>{formatTimeLeft(item.timeState)}</Text>
            }
          />
        )}
        <Cell title="预计答复" extra={formatDeadline(item.deadlines.expectedAnswerBy)} />
        {contact ? (
          <>
            {contact.name && <Cell title="联系人" extra={contact.name} />}
            {contact.phone && <Cell title="联系电话" extra={contact.phone} />}
          </>
        ) : (
          item.contactPhone && <Cell title="联系电话" extra={item.contactPhone} />
        )}
        {item.contactAvailable && !contact && (
          <Cell
            title="联系方式（查看将被记录）"
            extra={
              <Button size="small" className="case-show-contact" onClick={() => void showContact()}>
                查看联系方式
              </Button>
            }
          />
        )}
        {item.location?.address && <Cell title="地点" extra={item.location.address} />}
        <Cell description={item.description} />
        {item.rating && <Cell title="群众评价" extra={ratingLabels[item.rating.value]} />}
      </Cell.Group>
      {item.photoUrls.length > 0 && (
        <View className="case-photos">
          {item.photoThumbUrls.map((url, index) => (
            <Image
              key={url}
              className="case-photo"
              src={`${API_BASE}${url}`}
              mode="aspectFill"
              onClick={() =>
                void Taro.previewImage({
                  current: `${API_BASE}${item.photoUrls[index]}`,
                  urls: item.photoUrls.map((full) => `${API_BASE}${full}`),
                })
              }
            />
          ))}
        </View>
      )}

      {(actions.length > 0 || canRate) && (
        <Cell.Group title="办理">
          {item.suggestedUnits && item.suggestedUnits.length > 0 && (
            <View className="case-suggestions">
              <Text className="case-card-meta">建议派往：</Text>
              <Chips
                className="case-suggested-units"
                items={item.suggestedUnits.map((suggestion) => ({
                  value: suggestion.unitId,
                  label: `${suggestion.unitName}（${suggestion.why}）`,
                }))}
                value={units[unitIndex]?.id ?? null}
                onChange={(unitId) => setUnitIndex(units.findIndex((unit) => unit.id === unitId))}
              />
            </View>
          )}
          {needsUnit && (
            <View className="case-picker">
              <Picker
                mode="selector"
                range={units.map((unit) => unit.name)}
                onChange={(event) => setUnitIndex(Number(event.detail.value))}
              >
                <View className="case-unit-picker">
                  {units[unitIndex]?.name ?? '选择单位（派单/移交时）'}
                </View>
              </Picker>
            </View>
          )}
          {(needsText || canRate) && (
            <Cell>
              <TextArea
                className="case-action-text"
                placeholder="答复内容、办理结果或理由"
                value={text}
                onChange={(value: string) => setText(value)}
              />
            </Cell>
          )}
          {needsDays && (
            <Field>
              <Input
                name="workingDays"
                type="digit"
                placeholder="申请延期的工作日数（1-30）"
                value={days}
                onChange={(value: string) => setDays(value)}
              />
            </Field>
          )}
          {actions.some((spec) => ['reply', 'resolve', 'addInfo'].includes(spec.action)) && (
            <Cell
              title={`照片（${attachments.length}张待随办理提交）`}
              extra={
                <Button size="small" className="case-attach" onClick={() => void attachPhotos()}>
                  添加照片
                </Button>
              }
            />
          )}
          {actions.some((spec) => spec.action === 'reply') && (
            <Cell
              title="公开答复（群众可见）"
              extra={<Switch checked={isPublic} onChange={(value: boolean) => setIsPublic(value)} />}
            />
          )}
          <View className="case-actions">
            {actions.map((spec) => (
              <Button
                key={spec.key}
                className={`case-action-${spec.key}`}
                type={spec.action === 'reject' ? 'default' : 'primary'}
                block
                loading={busy}
                onClick={() => act(spec)}
              >
                {spec.label}
              </Button>
            ))}
            {canRate && (
              <View className="case-row">
                {ratings.map((rating: Rating) => (
                  <Button
                    key={rating}
                    className={`case-rate-${rating}`}
                    type={rating === 'unsatisfied' ? 'default' : 'primary'}
                    loading={busy}
                    onClick={() => void run({ action: 'rate', rating, comment: text || undefined })}
                  >
                    {ratingLabels[rating]}
                  </Button>
                ))}
              </View>
            )}
          </View>
        </Cell.Group>
      )}
      {canRecategorize && (
        <Cell.Group title="分类选错了？签收前可以更正">
          <Chips
            className="case-recategorize"
            items={categories}
            value={item.categoryCode}
            onChange={(categoryCode) => void run({ action: 'recategorize', categoryCode })}
          />
        </Cell.Group>
      )}
      <SimilarCases
        title="可能重复的诉求"
        items={duplicates}
        itemClassName="case-duplicate"
        actionLabel="并入此诉求"
        onAction={(intoCaseId) => void run({ action: 'merge', intoCaseId })}
      />
      {message && <Text className="case-message">{message}</Text>}

      <Cell.Group title="办理过程">
        {item.timeline?.map((event) => (
          <View key={event.seq} className="case-timeline-item">
            <Text className="case-card-title">
              {actionLabels[event.action] ?? event.action}
              {event.rating ? `：${ratingLabels[event.rating]}` : ''}
              {!event.public ? '（内部）' : ''}
            </Text>
            <Text className="case-card-meta">
              {formatDeadline(event.at)} ·{' '}
              {event.actor.role === 'system'
                ? '系统'
                : (roleLabels[event.actor.role as keyof typeof roleLabels] ?? event.actor.role)}
            </Text>
            {event.attachmentUrls.length > 0 && (
              <View className="case-photos">
                {event.attachmentUrls.map((url) => (
                  <Image key={url} className="case-photo" src={`${API_BASE}${url}`} mode="aspectFill" />
                ))}
              </View>
            )}
            {(event.message || event.reason) && (
              <Text className="case-card-meta">{event.message ?? event.reason}</Text>
            )}
          </View>
        ))}
      </Cell.Group>
    </Page>
  )
}
