import {
  householdTagLabels,
  householdTags,
  visitInputSchema,
  visitPurposeLabels,
  visitPurposes,
  type CaseKind,
} from '@minqing/shared'
import { Image, Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { fetchCategories, listCases, type CategoryNode } from '../../../api/cases'
import { fetchCampaigns, type Campaign } from '../../../api/visits'
import { newClientId } from '../../../cases/clientId'
import { Chips } from '../../../components/Chips'
import { Field } from '../../../components/Field'
import { MultiChips } from '../../../components/MultiChips'
import { Page } from '../../../components/Page'
import { useCurrentUser } from '../../../session/useSession'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, Input, Switch, TextArea } from '../../../ui/nutui'
import { photoStore } from '../../../visits/photoStore'
import { upsertVisit, type LocalPhoto, type VisitForm } from '../../../visits/queue'
import { cachedFetch } from '../../../visits/referenceCache'
import { queueStore, syncSoon, syncWhenOnline } from '../../../visits/visitStore'
import { SavedNotice } from './SavedNotice'
import '../visits.css'
import { withPrivacy } from '../../../privacy/privacy'
import { locateHere } from '../../../ui/locateHere'
import { HouseholdPicker } from '../../../components/HouseholdPicker'

interface ProblemDraft {
  kind: CaseKind
  topCode: string | null
  categoryCode: string | null
  title: string
  description: string
}

const emptyProblem = (): ProblemDraft => ({
  kind: 'help',
  topCode: null,
  categoryCode: null,
  title: '',
  description: '',
})

/**
 * 新增走访. After a finished visit is saved the form starts again empty (a fresh copy of it, so
 * no field is forgotten and nobody saves the same household twice), under a notice saying where
 * the saved visit stands (kept on the phone, sent automatically).
 */
export default function NewVisitPage() {
  const [round, setRound] = useState(0)
  const [savedId, setSavedId] = useState<string | null>(null)
  return (
    <Page>
      {savedId && <SavedNotice clientId={savedId} />}
      <VisitFormContent
        key={round}
        onSaved={(id) => {
          setSavedId(id)
          setRound((value) => value + 1)
          void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
        }}
      />
    </Page>
  )
}

/**
 * The visit form. Works with no network at all: categories and campaigns come from the last
 * online fetch, photos are kept as local files, and the visit goes into the phone's queue;
 * the sync engine sends it when the network is there.
 */
function VisitFormContent({ onSaved }: { onSaved: (clientId: string) => void }) {
  const { params } = useRouter()
  const [clientId, setClientId] = useState(newClientId)
  const [campaigns, setCampaigns] = useState<Campaign[]>([])
  const [campaignsLoaded, setCampaignsLoaded] = useState(false)
  const [campaignId, setCampaignId] = useState<string | null>(null)
  const [categories, setCategories] = useState<CategoryNode[]>([])
  const [date, setDate] = useState(dayjs().format('YYYY-MM-DD'))
  const [time, setTime] = useState(dayjs().format('HH:mm'))
  const [name, setName] = useState('')
  const [address, setAddress] = useState('')
  const [phone, setPhone] = useState('')
  const [householdId, setHouseholdId] = useState<string | null>(null)
  const [tags, setTags] = useState<string[]>([])
  const [customTag, setCustomTag] = useState('')
  const [purposes, setPurposes] = useState<string[]>(['visiting'])
  const [notes, setNotes] = useState('')
  const [followUp, setFollowUp] = useState(false)
  const [followUpBy, setFollowUpBy] = useState(dayjs().add(14, 'day').format('YYYY-MM-DD'))
  const [location, setLocation] = useState<{ lat: number; lng: number } | null>(null)
  const [photos, setPhotos] = useState<Array<LocalPhoto & { url: string }>>([])
  const [problems, setProblems] = useState<ProblemDraft[]>([])
  const user = useCurrentUser()
  /** 带案下访: a leader's own cases (包案) that this visit followed up in person. */
  const [ownedCases, setOwnedCases] = useState<Array<{ id: string; title: string }>>([])
  const [followedUpCaseIds, setFollowedUpCaseIds] = useState<string[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')

  // On mount, not on the page's load: a fresh form after each save loads its lists again.
  useEffect(() => {
    syncWhenOnline()
    void cachedFetch('categories', fetchCategories, setCategories)
    void cachedFetch('campaigns', fetchCampaigns, (items) => {
      setCampaigns(items)
      setCampaignId((current) => current ?? items[0]?.id ?? null)
    }).finally(() => setCampaignsLoaded(true))
    if (params.clientId) loadExisting(params.clientId)
    // Runs once per form: the page's parameters do not change under it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    if (user?.role !== 'leader') return
    const owned = async () =>
      (await listCases('owned')).items.map((item) => ({ id: item.id, title: `${item.number} ${item.title}` }))
    void cachedFetch('ownedCases', owned, setOwnedCases)
  }, [user?.role])

  function loadExisting(id: string) {
    const visit = queueStore.load().find((item) => item.clientId === id)
    if (!visit) return
    const at = dayjs(visit.form.visitedAt)
    setClientId(visit.clientId)
    setCampaignId(visit.form.campaignId ?? null)
    setDate(at.format('YYYY-MM-DD'))
    setTime(at.format('HH:mm'))
    setName(visit.form.household.name)
    setAddress(visit.form.household.address)
    setPhone(visit.form.household.phone ?? '')
    setTags(visit.form.household.tags)
    setHouseholdId(visit.form.householdId ?? null)
    setPurposes(visit.form.purposes)
    setNotes(visit.form.notes)
    setFollowUp(visit.form.followUp.needed)
    if (visit.form.followUp.by) setFollowUpBy(visit.form.followUp.by)
    setLocation(visit.form.location ?? null)
    setFollowedUpCaseIds(visit.form.followedUpCaseIds)
    setProblems(
      visit.form.problems.map((problem) => ({
        ...problem,
        topCode: problem.categoryCode.split('.')[0] ?? null,
      })),
    )
    void Promise.all(
      visit.photos.map(async (photo) => ({
        ...photo,
        url: await photoStore.displayUrl(photo.ref).catch(() => ''),
      })),
    ).then(setPhotos)
  }

  useEffect(() => {
    if (campaigns.length && !campaignId) setCampaignId(campaigns[0]!.id)
  }, [campaigns, campaignId])

  async function addPhotos() {
    const chosen = await withPrivacy('photos', () =>
      Taro.chooseImage({ count: 9 - photos.length, sizeType: ['compressed'] }),
    ).catch(() => null)
    if (!chosen) return
    for (const [index, tempPath] of chosen.tempFilePaths.entries()) {
      const file = (chosen.tempFiles[index] as { originalFileObj?: Blob } | undefined)?.originalFileObj
      try {
        const kept = await photoStore.keep(tempPath, file)
        const url = await photoStore.displayUrl(kept.ref)
        setPhotos((current) => [...current, { key: newClientId(), ref: kept.ref, size: kept.size, url }])
      } catch {
        setMessage('照片保存失败，请重试')
      }
    }
  }

  async function locate() {
    const here = await withPrivacy('location', locateHere).catch(() => null)
    if (here) setLocation(here)
    else setMessage('无法获取位置（离线时可不填）')
  }

  function addTag() {
    const tag = customTag.trim()
    if (tag && !tags.includes(tag)) setTags([...tags, tag])
    setCustomTag('')
  }

  const updateProblem = (index: number, change: Partial<ProblemDraft>) =>
    setProblems((current) => current.map((problem, i) => (i === index ? { ...problem, ...change } : problem)))

  function save(finished: boolean) {
    const form = {
      campaignId: campaignId ?? undefined,
      visitedAt: dayjs(`${date}T${time}`).format('YYYY-MM-DDTHH:mm:ssZ'),
      companions: [],
      household: { name, address, phone: phone || undefined, tags },
      householdId: householdId ?? undefined,
      purposes,
      notes,
      location: location ?? undefined,
      followUp: followUp ? { needed: true, by: followUpBy } : { needed: false },
      problems: problems.map((problem) => ({
        kind: problem.kind,
        categoryCode: problem.categoryCode ?? '',
        title: problem.title,
        description: problem.description,
      })),
      followedUpCaseIds,
    }
    // Drafts may be incomplete; a finished visit must pass the same schema the server applies.
    const parsed = visitInputSchema.safeParse({ ...form, clientId, photos: [] })
    if (finished && !parsed.success) {
      setErrors(fieldErrors(parsed.error))
      setMessage('请补全标红的内容')
      return
    }
    const {
      clientId: _id,
      revision: _revision,
      photos: _photos,
      ...content
    } = parsed.success ? parsed.data : { ...form, clientId, revision: 1, photos: [] }
    const queue = upsertVisit(
      queueStore.load(),
      { clientId, form: content as VisitForm, photos: photos.map(({ url: _url, ...photo }) => photo) },
      finished,
      new Date(),
    )
    queueStore.save(queue)
    if (finished) syncSoon()
    // A new visit saved: confirm and start the next one. A draft or an edit goes back to the list.
    if (finished && !params.clientId) {
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 })
      onSaved(clientId)
    } else void Taro.redirectTo({ url: '/pages/visits/list/index' })
  }

  return (
    <>
      {/* Always shown, so the campaigns arriving after the first paint push nothing down. */}
      <Cell.Group title="走访活动">
        {campaigns.length === 0 && (
          <Text className="mq-chip visit-campaigns-none">
            {campaignsLoaded ? '当前没有进行中的走访活动' : '正在加载走访活动…'}
          </Text>
        )}
        <Chips
          className="visit-campaigns"
          items={campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name }))}
          value={campaignId}
          onChange={setCampaignId}
        />
      </Cell.Group>
      <Cell.Group title="走访时间">
        <View className="visit-picker">
          <Picker
            mode="date"
            value={date}
            end={dayjs().format('YYYY-MM-DD')}
            onChange={(event) => setDate(event.detail.value)}
          >
            <Text>日期：{date}</Text>
          </Picker>
          <Picker mode="time" value={time} onChange={(event) => setTime(event.detail.value)}>
            <Text>时间：{time}</Text>
          </Picker>
        </View>
        {errors.visitedAt && <Text className="mq-field-error">{errors.visitedAt}</Text>}
      </Cell.Group>
      <Cell.Group title="走访对象">
        <Field error={errors['household.name']}>
          <Input
            name="householdName"
            placeholder="户主/群众姓名"
            value={name}
            maxLength={50}
            onChange={(value: string) => setName(value)}
          />
        </Field>
        <Field error={errors['household.address']}>
          <Input
            name="householdAddress"
            placeholder="住址（村组门牌）"
            value={address}
            maxLength={200}
            onChange={(value: string) => setAddress(value)}
          />
        </Field>
        <Field error={errors['household.phone']}>
          <Input
            name="householdPhone"
            type="tel"
            placeholder="联系电话（可选）"
            value={phone}
            maxLength={11}
            onChange={(value: string) => setPhone(value)}
          />
        </Field>
        <HouseholdPicker
          value={householdId}
          draft={{ name, address, phone }}
          onChange={(household) => {
            setHouseholdId(household?.id ?? null)
            if (household && !name) setName(household.headName)
          }}
        />
        <MultiChips
          className="visit-tags"
          items={[
            ...householdTags.map((code) => ({ value: code, label: householdTagLabels[code] })),
            ...tags
              .filter((tag) => !(householdTags as readonly string[]).includes(tag))
              .map((tag) => ({ value: tag, label: tag })),
          ]}
          values={tags}
          onChange={setTags}
        />
        <Cell
          title={
            <Input
              name="customTag"
              placeholder="自定义标签"
              value={customTag}
              maxLength={20}
              onChange={(value: string) => setCustomTag(value)}
            />
          }
          extra={
            <Button size="small" onClick={addTag}>
              添加
            </Button>
          }
        />
      </Cell.Group>
      <Cell.Group title="走访目的">
        <MultiChips
          className="visit-purposes"
          items={visitPurposes.map((code) => ({ value: code, label: visitPurposeLabels[code] }))}
          values={purposes}
          onChange={setPurposes}
        />
        {errors.purposes && <Text className="mq-field-error">{errors.purposes}</Text>}
      </Cell.Group>
      <Cell.Group title="民情日记">
        <Field error={errors.notes}>
          <TextArea
            className="visit-notes"
            placeholder="群众反映的情况、家庭近况、走访感受"
            value={notes}
            maxLength={10000}
            onChange={(value: string) => setNotes(value)}
          />
        </Field>
      </Cell.Group>
      <Cell.Group title={`照片（${photos.length}/9，联网后自动上传）`}>
        <View className="visit-photos">
          {photos.map((photo) => (
            <Image
              key={photo.key}
              className="visit-photo"
              src={photo.url}
              mode="aspectFill"
              imgProps={{ alt: '走访照片' }}
            />
          ))}
          {photos.length < 9 && (
            <Button className="visit-add-photo" onClick={() => void addPhotos()}>
              添加照片
            </Button>
          )}
        </View>
      </Cell.Group>
      <Cell.Group title="位置与回访">
        <Cell
          title={location ? `已定位 ${location.lat.toFixed(4)}, ${location.lng.toFixed(4)}` : '位置（可选）'}
          extra={
            <Button size="small" onClick={() => void locate()}>
              获取位置
            </Button>
          }
        />
        <Cell
          title="需要回访"
          extra={
            <Switch label="需要回访" checked={followUp} onChange={(value: boolean) => setFollowUp(value)} />
          }
        />
        {followUp && (
          <View className="visit-picker">
            <Picker mode="date" value={followUpBy} onChange={(event) => setFollowUpBy(event.detail.value)}>
              <Text>回访日期：{followUpBy}</Text>
            </Picker>
          </View>
        )}
      </Cell.Group>
      <Cell.Group title="发现的问题（同步后自动转为诉求派单）">
        {problems.map((problem, index) => {
          const top = categories.find((node) => node.code === problem.topCode)
          return (
            <View key={index} className="visit-problem">
              <Chips
                className="visit-problem-categories"
                items={categories.map((node) => ({ value: node.code, label: node.name }))}
                value={problem.topCode}
                onChange={(value) => {
                  const node = categories.find((candidate) => candidate.code === value)
                  updateProblem(index, {
                    topCode: value,
                    categoryCode: node && node.children.length === 0 ? value : null,
                  })
                }}
              />
              {top && top.children.length > 0 && (
                <Chips
                  className="visit-problem-subcategories"
                  items={top.children.map((node) => ({ value: node.code, label: node.name }))}
                  value={problem.categoryCode}
                  onChange={(value) => updateProblem(index, { categoryCode: value })}
                />
              )}
              {errors[`problems.${index}.categoryCode`] && <Text className="mq-field-error">请选择分类</Text>}
              <Field error={errors[`problems.${index}.title`]}>
                <Input
                  name={`problemTitle${index}`}
                  placeholder="问题标题"
                  value={problem.title}
                  maxLength={60}
                  onChange={(value: string) => updateProblem(index, { title: value })}
                />
              </Field>
              <Field error={errors[`problems.${index}.description`]}>
                <TextArea
                  className="visit-problem-description"
                  placeholder="问题的具体情况"
                  value={problem.description}
                  maxLength={4000}
                  onChange={(value: string) => updateProblem(index, { description: value })}
                />
              </Field>
              <Button
                size="small"
                onClick={() => setProblems((current) => current.filter((_, i) => i !== index))}
              >
                删除此问题
              </Button>
            </View>
          )
        })}
        {categories.length === 0 && <Text className="visit-hint">分类需联网加载一次后才能离线使用</Text>}
        <Button
          className="visit-add-problem"
          size="small"
          onClick={() => setProblems((current) => [...current, emptyProblem()])}
        >
          添加问题
        </Button>
      </Cell.Group>
      {ownedCases.length > 0 && (
        <Cell.Group title="带案下访（本次走访跟进的包案诉求）">
          <MultiChips
            className="visit-owned-cases"
            items={ownedCases.map((item) => ({ value: item.id, label: item.title }))}
            values={followedUpCaseIds}
            onChange={setFollowedUpCaseIds}
          />
        </Cell.Group>
      )}
      {message && <Text className="visit-message">{message}</Text>}
      <View className="visit-actions">
        <Button className="visit-finish" type="primary" size="large" block onClick={() => save(true)}>
          保存并同步
        </Button>
        <Button className="visit-save-draft" size="large" block onClick={() => save(false)}>
          存为草稿
        </Button>
      </View>
    </>
  )
}
