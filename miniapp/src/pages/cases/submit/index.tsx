import {
  AppError,
  caseKindLabels,
  caseKinds,
  submitCaseInputSchema,
  urgencies,
  urgencyLabels,
  type CaseKind,
  type Urgency,
} from '@minqing/shared'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import {
  expectedAnswer,
  fetchCategories,
  findSimilar,
  followCase,
  submitCase,
  uploadPhoto,
  type CategoryNode,
  type SimilarCase,
} from '../../../api/cases'
import { newClientId } from '../../../cases/clientId'
import { formatDeadline } from '../../../cases/format'
import { Chips } from '../../../components/Chips'
import { Field } from '../../../components/Field'
import { Page } from '../../../components/Page'
import { SimilarCases } from '../../../components/SimilarCases'
import { KnowledgeHints } from './KnowledgeHints'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, Input, Switch, TextArea } from '../../../ui/nutui'
import '../cases.css'
import { withPrivacy } from '../../../privacy/privacy'
import { WechatPhoneButton } from '../../../components/WechatPhoneButton'
import { CategoryHints } from './CategoryHints'
import { locateHere } from '../../../ui/locateHere'
import { fetchTenants } from '../../../api/tenants'
import { districtCode } from '../../../session/districtCode'

interface Photo {
  localPath: string
  id?: string
  failed?: boolean
}

export default function SubmitCasePage() {
  // A district's own link (…/submit/index?tenant=hedong) files the case in that district (tenants).
  // Else the district of the link the app was opened with (session/districtCode.ts).
  const tenant = useRouter().params.tenant || districtCode()
  const [clientId] = useState(newClientId)
  const [categories, setCategories] = useState<CategoryNode[]>([])
  /** The name of the district the link names; '' while loading, null for an unknown code. */
  const [district, setDistrict] = useState<string | null>('')
  const [kind, setKind] = useState<CaseKind>('suggestion')
  const [urgency, setUrgency] = useState<Urgency>('general')
  const [expectedBy, setExpectedBy] = useState<string | null>(null)
  const [topCode, setTopCode] = useState<string | null>(null)
  const [categoryCode, setCategoryCode] = useState<string | null>(null)
  const top = categories.find((node) => node.code === topCode)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [contactPhone, setContactPhone] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [publicConsent, setPublicConsent] = useState(false)
  const [location, setLocation] = useState<{ lat: number; lng: number } | null>(null)
  const [photos, setPhotos] = useState<Photo[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  /** Possible duplicates, shown once before the first submit; null until checked. */
  const [similar, setSimilar] = useState<SimilarCase[] | null>(null)

  useLoad(() => {
    fetchCategories(tenant)
      .then(setCategories)
      .catch((error: AppError) => setMessage(error.message))
    if (tenant)
      fetchTenants()
        .then((list) => setDistrict(list.find((item) => item.code === tenant)?.name ?? null))
        .catch(() => setDistrict(null))
  })

  // The resident sees, before submitting, by when they will be answered at the latest.
  useEffect(() => {
    expectedAnswer(urgency, tenant)
      .then(setExpectedBy)
      .catch(() => setExpectedBy(null))
  }, [urgency, tenant])

  async function addPhotos() {
    const chosen = await withPrivacy('photos', () =>
      Taro.chooseImage({ count: 9 - photos.length, sizeType: ['compressed'] }),
    ).catch(() => null)
    if (!chosen) return
    for (const localPath of chosen.tempFilePaths) {
      setPhotos((current) => [...current, { localPath }])
      try {
        const { id } = await uploadPhoto(localPath)
        setPhotos((current) =>
          current.map((photo) => (photo.localPath === localPath ? { ...photo, id } : photo)),
        )
      } catch (error) {
        setPhotos((current) =>
          current.map((photo) => (photo.localPath === localPath ? { ...photo, failed: true } : photo)),
        )
        setMessage(error instanceof AppError ? error.message : '照片上传失败')
      }
    }
  }

  async function locate() {
    const here = await withPrivacy('location', locateHere).catch(() => null)
    if (here) setLocation(here)
    else setMessage('无法获取位置，可在描述中写明地点')
  }

  async function follow(id: string) {
    try {
      await followCase(id)
      await Taro.redirectTo({ url: `/pages/cases/detail/index?id=${id}` })
    } catch (error) {
      setMessage(error instanceof AppError ? error.message : '关注失败')
    }
  }

  async function submit() {
    const parsed = submitCaseInputSchema.safeParse({
      clientId,
      kind,
      urgency,
      categoryCode: categoryCode ?? '',
      title,
      description,
      contactPhone: contactPhone || undefined,
      anonymous,
      publicConsent,
      location: location ?? undefined,
      photos: photos.filter((photo) => photo.id).map((photo) => photo.id),
      tenant,
    })
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error))
      return
    }
    if (photos.some((photo) => !photo.id && !photo.failed)) {
      setMessage('照片仍在上传，请稍候')
      return
    }
    setErrors({})
    setBusy(true)
    try {
      if (similar === null) {
        const matches = await findSimilar(parsed.data).catch(() => [])
        setSimilar(matches)
        if (matches.length > 0) return // let the resident look first; pressing 提交 again files it
      }
      const created = await submitCase(parsed.data)
      await Taro.redirectTo({ url: `/pages/cases/detail/index?id=${created.id}&new=1` })
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
      setErrors(fieldErrors(appError))
      setMessage(appError.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page>
      {tenant && (
        <Text className="case-district">
          {district === null ? '链接中的区县不存在或已停用' : `受理区县：${district || '…'}`}
        </Text>
      )}
      <Cell.Group title="反映类型">
        <Chips
          className="case-kinds"
          items={caseKinds.map((code) => ({ value: code, label: caseKindLabels[code] }))}
          value={kind}
          onChange={(value) => setKind(value as CaseKind)}
        />
      </Cell.Group>
      <Cell.Group title="紧急程度">
        <Chips
          className="case-urgencies"
          items={urgencies.map((code) => ({ value: code, label: urgencyLabels[code] }))}
          value={urgency}
          onChange={(value) => setUrgency(value as Urgency)}
        />
        {/* Always one line: the deadline arrives after the first paint and must not push the form down. */}
        <Text className="case-expected-before">
          {expectedBy ? `最迟 ${formatDeadline(expectedBy)} 前答复您` : '正在计算答复期限…'}
        </Text>
      </Cell.Group>
      <Cell.Group title="分类">
        {categories.length === 0 && <Text className="mq-chip case-categories-loading">正在加载分类…</Text>}
        <Chips
          className="case-categories"
          items={categories.map((node) => ({ value: node.code, label: node.name }))}
          value={topCode}
          onChange={(value) => {
            setTopCode(value)
            const node = categories.find((candidate) => candidate.code === value)
            setCategoryCode(node && node.children.length === 0 ? value : null)
          }}
        />
        {top && top.children.length > 0 && (
          <Chips
            className="case-subcategories"
            items={top.children.map((node) => ({ value: node.code, label: node.name }))}
            value={categoryCode}
            onChange={setCategoryCode}
          />
        )}
        {errors.categoryCode && <Text className="mq-field-error">请选择分类</Text>}
      </Cell.Group>
      <Cell.Group title="内容">
        <Field error={errors.title}>
          <Input
            name="title"
            placeholder="标题（一句话说明）"
            value={title}
            maxLength={60}
            onChange={(value: string) => setTitle(value)}
          />
        </Field>
        <Field error={errors.description}>
          <TextArea
            className="case-description"
            placeholder="请描述具体情况、地点和诉求"
            value={description}
            maxLength={4000}
            onChange={(value: string) => setDescription(value)}
          />
        </Field>
        <CategoryHints
          title={title}
          description={description}
          onPick={(code) => {
            // A suggested sub-category also selects its parent in the chips above.
            setTopCode(code.split('.')[0] ?? code)
            setCategoryCode(code)
          }}
        />
        <KnowledgeHints title={title} description={description} />
      </Cell.Group>
      <Cell.Group title={`照片（${photos.length}/9）`}>
        <View className="case-photos">
          {photos.map((photo) => (
            <View
              key={photo.localPath}
              className={`case-photo-wrap ${photo.id ? 'case-photo-uploaded' : photo.failed ? 'case-photo-failed' : 'case-photo-uploading'}`}
            >
              <Image
                className="case-photo"
                src={photo.localPath}
                mode="aspectFill"
                imgProps={{ alt: '已选照片' }}
              />
              <Text className="case-photo-state">
                {photo.id ? '已上传' : photo.failed ? '上传失败' : '上传中…'}
              </Text>
            </View>
          ))}
          {photos.length < 9 && (
            <Button className="case-add-photo" onClick={() => void addPhotos()}>
              添加照片
            </Button>
          )}
        </View>
      </Cell.Group>
      <Cell.Group title="位置与联系方式">
        <Cell
          title={location ? `已定位 ${location.lat.toFixed(4)}, ${location.lng.toFixed(4)}` : '位置（可选）'}
          extra={
            <Button size="small" className="case-locate" onClick={() => void locate()}>
              获取位置
            </Button>
          }
        />
        <Field error={errors.contactPhone}>
          <Input
            name="contactPhone"
            type="tel"
            placeholder="联系电话（可选，仅办理人员可见）"
            value={contactPhone}
            maxLength={11}
            onChange={(value: string) => setContactPhone(value)}
          />
          <WechatPhoneButton onPhone={setContactPhone} />
        </Field>
        <Cell
          title="匿名反映"
          extra={
            <Switch label="匿名反映" checked={anonymous} onChange={(value: boolean) => setAnonymous(value)} />
          }
        />
        <Cell
          title="同意办结后在回音壁公开（隐去个人信息）"
          extra={
            <Switch
              label="同意办结后在回音壁公开"
              checked={publicConsent}
              onChange={(value: boolean) => setPublicConsent(value)}
            />
          }
        />
      </Cell.Group>
      <SimilarCases
        title="发现相似诉求，可直接关注，办理结果会同步通知您"
        items={similar ?? []}
        itemClassName="case-similar"
        actionClassName="case-follow"
        actionLabel="关注此诉求"
        onAction={(id) => void follow(id)}
      />
      {message && <Text className="case-message">{message}</Text>}
      <View className="case-actions">
        <Button
          className="case-submit"
          type="primary"
          size="large"
          block
          loading={busy}
          onClick={() => void submit()}
        >
          {similar && similar.length > 0 ? '仍要提交新诉求' : '提交'}
        </Button>
      </View>
    </Page>
  )
}
