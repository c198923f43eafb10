import {
  AppError,
  caseKindLabels,
  ratingLabels,
  roleLabels,
  type TransitionInput,
  type Unit,
} from '@minqing/shared'
import { Image, Text, View } from '@tarojs/components'
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
import { actionButtons, actionLabels, actsAtOnce, type ActionSpec } from '../../../cases/actions'
import { ActionSheet } from '../../../cases/detail/ActionSheet'
import { RatingCard } from '../../../cases/detail/RatingCard'
import { formatDeadline } from '../../../cases/format'
import { nextStep } from '../../../cases/nextStep'
import { Chips } from '../../../components/Chips'
import { Page } from '../../../components/Page'
import { SimilarCases } from '../../../components/SimilarCases'
import { sessionStore } from '../../../session/sessionStore'
import { useCurrentUser } from '../../../session/useSession'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell } from '../../../ui/nutui'
import '../cases.css'
import { withPrivacy } from '../../../privacy/privacy'
import { SubscribeButton } from '../../../components/SubscribeButton'
import { readableRoutingReason } from '../../../ui/labels'
import { residentRoutingText } from '../../../cases/routingForResident'

const sessionUserRole = () => sessionStore.get()?.user.role

export default function CaseDetailPage() {
  const { id = '', new: justSubmitted } = useRouter().params
  const user = useCurrentUser()
  const [item, setItem] = useState<CaseView | null>(null)
  const [units, setUnits] = useState<Unit[]>([])
  /** The action whose sheet is open, and the unit a dispatcher picked from the suggestions. */
  const [openKey, setOpenKey] = useState<string | null>(null)
  const [suggestedUnitId, setSuggestedUnitId] = useState<string | null>(null)
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
      // Whoever may merge this case (并单) sees its possible duplicates.
      if (loaded.allowedActions?.includes('merge')) {
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
      setOpenKey(null)
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

  function tap(spec: ActionSpec) {
    setMessage('')
    if (actsAtOnce(spec)) void run({ action: spec.action, ...spec.fields } as TransitionInput)
    else setOpenKey(openKey === spec.key ? null : spec.key)
  }

  if (!item || !user) {
    return <Page>{message && <Text className="case-message">{message}</Text>}</Page>
  }
  // Exactly what the server allows this user now: the page decides nothing about who may act.
  const allowed = item.allowedActions ?? []
  const actions = actionButtons(allowed)
  const canRate = allowed.includes('rate')
  // A wrong category can be corrected until a unit signs for the case (it is routed again).
  const canRecategorize = allowed.includes('recategorize') && categories.length > 0
  const canMerge = allowed.includes('merge')
  const next = nextStep(item)
  const openSpec = actions.find((spec) => spec.key === openKey) ?? null
  const firstReply = [...(item.timeline ?? [])].reverse().find((event) => event.action === 'firstReply')

  return (
    <Page>
      {justSubmitted && (
        <Text className="case-expected">
          已提交，编号 {item.number}。预计在 {formatDeadline(item.deadlines.expectedAnswerBy)} 前答复您。
        </Text>
      )}
      <View className="case-summary">
        <Text className="case-summary-title">{item.title}</Text>
        <View className="case-summary-row">
          <Text className={`case-status case-tone-${next.tone}`}>{item.statusLabel}</Text>
          <Text className="case-card-meta">编号 {item.number}</Text>
        </View>
        <Text className="case-next">下一步：{next.text}</Text>
        {next.deadline && <Text className={`case-deadline case-deadline-${next.tone}`}>{next.deadline}</Text>}
        {user.role === 'resident' &&
          item.deadlines.expectedAnswerBy &&
          next.tone !== 'done' &&
          item.status !== 'resolved' && (
            <Text className="case-card-meta">
              预计答复您的时间：{formatDeadline(item.deadlines.expectedAnswerBy)}
            </Text>
          )}
      </View>
      {user.role === 'resident' && firstReply?.message && !['closed', 'rejected'].includes(item.status) && (
        // The automatic first reply, where the resident looks first: who handles it and by when.
        <View className="case-first-reply">
          <Text className="case-first-reply-title">办理单位与时限</Text>
          <Text className="case-first-reply-text">{firstReply.message}</Text>
        </View>
      )}
      {user.role === 'resident' && !['closed', 'rejected'].includes(item.status) && (
        <SubscribeButton caseId={item.id} />
      )}
      {canRate && (
        <RatingCard
          busy={busy}
          onRate={(rating, comment) => void run({ action: 'rate', rating, comment: comment || undefined })}
        />
      )}

      {actions.length > 0 && (
        <View className="case-actions-panel">
          {item.suggestedUnits && item.suggestedUnits.length > 0 && (
            <View className="case-suggestions">
              <Text className="case-card-meta">建议派往（点选后派单）：</Text>
              <Chips
                className="case-suggested-units"
                items={item.suggestedUnits.map((suggestion) => ({
                  value: suggestion.unitId,
                  label: `${suggestion.unitName}（${suggestion.why}）`,
                }))}
                value={suggestedUnitId}
                onChange={(unitId) => {
                  setSuggestedUnitId(unitId)
                  setOpenKey('dispatch')
                }}
              />
            </View>
          )}
          <Text className="case-sheet-label">{user.role === 'resident' ? '其他操作' : '办理'}</Text>
          <View className="case-actions">
            {actions.map((spec) => (
              <Button
                key={spec.key}
                className={`case-action case-action-${spec.key}`}
                type={spec.primary ? 'primary' : 'default'}
                size={spec.primary ? 'large' : 'normal'}
                loading={busy && actsAtOnce(spec)}
                onClick={() => tap(spec)}
              >
                {spec.label}
              </Button>
            ))}
          </View>
          {openSpec && (
            <ActionSheet
              key={openSpec.key}
              spec={openSpec}
              caseFacts={{
                id: item.id,
                title: item.title,
                categoryCode: item.categoryCode,
                staff: user.role !== 'resident',
              }}
              units={units}
              suggestedUnitId={openSpec.key === 'dispatch' ? suggestedUnitId : null}
              attachments={attachments.length}
              onAttach={() => void attachPhotos()}
              busy={busy}
              onSubmit={(input) => void run(input)}
              onCancel={() => setOpenKey(null)}
            />
          )}
        </View>
      )}
      {message && <Text className="case-message">{message}</Text>}

      <Cell.Group title="诉求详情">
        <Cell title="类型" extra={caseKindLabels[item.kind]} />
        <Cell title="承办单位" extra={item.unitName ?? '派单中心'} />
        <Cell
          title="派单依据"
          description={
            user.role === 'resident'
              ? residentRoutingText(item.routing)
              : readableRoutingReason(item.routing.reason)
          }
        />
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
              imgProps={{ alt: '办理照片' }}
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
        items={canMerge ? duplicates : []}
        itemClassName="case-duplicate"
        actionLabel="并入此诉求"
        onAction={(intoCaseId) => void run({ action: 'merge', intoCaseId })}
      />

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
                  <Image
                    key={url}
                    className="case-photo"
                    src={`${API_BASE}${url}`}
                    mode="aspectFill"
                    imgProps={{ alt: '诉求照片' }}
                  />
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
