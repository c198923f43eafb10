import {
  AppError,
  recheckResultLabels,
  rectificationStatusLabels,
  type RectificationProblem,
} from '@minqing/shared'
import { Image, Picker, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import {
  adjustProblem,
  decideClosure,
  fetchRectificationList,
  recordRecheck,
  reportProgress,
  requestClosure,
  scheduleRecheck,
  uploadEvidence,
} from '../../../api/registry'
import { Page } from '../../../components/Page'
import { withPrivacy } from '../../../privacy/privacy'
import { fieldErrors } from '../../../ui/messages'
import { Button, Cell, TextArea } from '../../../ui/nutui'
import '../registry.css'

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm')

/** One problem's sheet: what is to be done, progress, 销号 with evidence, the owner's approval, 回头看. */
export default function ProblemSheet() {
  const { id, list } = useRouter().params
  const [problem, setProblem] = useState<RectificationProblem | null>(null)
  const [note, setNote] = useState('')
  const [evidence, setEvidence] = useState<string[]>([])
  const [recheckOn, setRecheckOn] = useState(dayjs().add(3, 'month').format('YYYY-MM-DD'))
  const [newDeadline, setNewDeadline] = useState('')
  const [adjustReason, setAdjustReason] = useState('')
  const [message, setMessage] = useState('')
  const fail = (error: unknown) => {
    const appError = error instanceof AppError ? error : new AppError('NETWORK_ERROR')
    const issues = Object.values(fieldErrors(appError))
    setMessage(issues.length ? issues.join('；') : appError.message)
  }
  const load = async () => {
    if (!id || !list) return
    const detail = await fetchRectificationList(list)
    const found = detail.aspects
      .flatMap((aspect) => aspect.items.flatMap((item) => item.problems))
      .find((p) => p.id === id)
    setProblem(found ?? null)
  }
  useDidShow(() => void load().catch(fail))
  const run = async (action: () => Promise<RectificationProblem>) => {
    try {
      setProblem(await action())
      setNote('')
      setEvidence([])
      setNewDeadline('')
      setAdjustReason('')
      setMessage('')
    } catch (error) {
      fail(error)
    }
  }
  async function addEvidence() {
    const chosen = await withPrivacy('photos', () =>
      Taro.chooseImage({ count: 9, sizeType: ['compressed'] }),
    ).catch(() => null)
    if (!chosen) return
    for (const path of chosen.tempFilePaths) {
      try {
        const uploaded = await uploadEvidence(path)
        setEvidence((current) => [...current, uploaded.id])
      } catch (error) {
        fail(error)
      }
    }
  }
  if (!problem) return <Page>{message && <Text className="registry-message">{message}</Text>}</Page>
  const can = (action: RectificationProblem['allowedActions'][number]) =>
    problem.allowedActions.includes(action)

  return (
    <Page className="problem-sheet">
      <View className="registry-card">
        <Text className="registry-title">
          问题{problem.no}：{problem.description}
        </Text>
        <Text className="registry-meta">责任领导：{problem.responsibleLeaderName}</Text>
        <Text className="registry-meta">牵头单位：{problem.leadUnitName}</Text>
        <Text className="registry-meta">整改措施：{problem.measures}</Text>
        <Text className="registry-meta">整改目标：{problem.target}</Text>
        <Text className="registry-meta">整改时限：{problem.deadline}</Text>
        <Text className={`problem-status ${problem.overdue ? 'registry-warn' : 'registry-ok'}`}>
          {rectificationStatusLabels[problem.status]}
          {problem.overdue ? ' · 已逾期' : ''}
        </Text>
      </View>
      <Text className="registry-section">整改进展（{problem.progress.length}）</Text>
      {problem.progress.map((entry, index) => (
        <View key={index} className="registry-card">
          <Text className="registry-meta">
            {when(entry.at)}：{entry.note}
          </Text>
        </View>
      ))}
      {problem.closure && (
        <View className="registry-card problem-closure">
          <Text className="registry-title">销号申请 · {when(problem.closure.at)}</Text>
          <Text className="registry-meta">{problem.closure.note}</Text>
          <View>
            {problem.closure.evidenceUrls.map((url) => (
              <Image
                key={url}
                src={url}
                mode="aspectFill"
                style={{ width: '160px', height: '160px', marginRight: '12px' }}
              />
            ))}
          </View>
        </View>
      )}
      {problem.approval && (
        <View className="registry-card">
          <Text className={problem.approval.approved ? 'registry-ok' : 'registry-warn'}>
            {problem.approval.approved ? '已审核销号' : `已退回：${problem.approval.reason}`} ·{' '}
            {when(problem.approval.at)}
          </Text>
        </View>
      )}
      {problem.recheck && (
        <View className="registry-card">
          <Text className="registry-meta">
            回头看：{problem.recheck.dueOn}
            {problem.recheck.result
              ? ` · ${recheckResultLabels[problem.recheck.result as 'consolidated']}：${problem.recheck.note ?? ''}`
              : ' · 待开展'}
          </Text>
        </View>
      )}
      {(can('progress') || can('requestClosure') || can('reject') || can('recordRecheck')) && (
        <Cell.Group title="填写">
          <Cell>
            <TextArea
              className="problem-note"
              placeholder="进展情况 / 销号说明 / 退回理由 / 回头看情况"
              value={note}
              maxLength={2000}
              onChange={(value: string) => setNote(value)}
            />
          </Cell>
        </Cell.Group>
      )}
      <View className="registry-actions">
        {can('progress') && (
          <Button
            className="problem-progress"
            onClick={() => void run(() => reportProgress(problem.id, note))}
          >
            报送进展
          </Button>
        )}
        {can('requestClosure') && (
          <>
            <Button fill="outline" className="problem-evidence" onClick={() => void addEvidence()}>
              上传佐证材料（{evidence.length}）
            </Button>
            <Button
              type="primary"
              className="problem-close"
              onClick={() => void run(() => requestClosure(problem.id, note, evidence))}
            >
              申请销号
            </Button>
          </>
        )}
        {can('approve') && (
          <Button
            type="primary"
            className="problem-approve"
            onClick={() => void run(() => decideClosure(problem.id, true, ''))}
          >
            审核通过，销号
          </Button>
        )}
        {can('reject') && (
          <Button
            fill="outline"
            className="problem-reject"
            onClick={() => void run(() => decideClosure(problem.id, false, note))}
          >
            退回
          </Button>
        )}
        {can('scheduleRecheck') && (
          <>
            <Picker mode="date" value={recheckOn} onChange={(event) => setRecheckOn(event.detail.value)}>
              <Text>回头看日期：{recheckOn}</Text>
            </Picker>
            <Button
              className="problem-recheck"
              onClick={() => void run(() => scheduleRecheck(problem.id, recheckOn))}
            >
              安排回头看
            </Button>
          </>
        )}
        {can('recordRecheck') && (
          <>
            <Button
              className="problem-consolidated"
              onClick={() => void run(() => recordRecheck(problem.id, 'consolidated', note))}
            >
              巩固良好
            </Button>
            <Button
              fill="outline"
              onClick={() => void run(() => recordRecheck(problem.id, 'relapsed', note))}
            >
              出现反弹
            </Button>
          </>
        )}
      </View>
      {can('adjust') && (
        <Cell.Group title="调整整改时限（延期）">
          <Cell>
            <Picker
              mode="date"
              value={newDeadline || problem.deadline}
              onChange={(event) => setNewDeadline(event.detail.value)}
            >
              <Text className="problem-new-deadline">
                新的整改时限：{newDeadline || `${problem.deadline}（点击选择）`}
              </Text>
            </Picker>
          </Cell>
          <Cell>
            <TextArea
              className="problem-adjust-reason"
              placeholder="调整理由（必填），如：涉及管网改造，需协调供水公司"
              value={adjustReason}
              maxLength={500}
              onChange={(value: string) => setAdjustReason(value)}
            />
          </Cell>
          <Cell>
            <Button
              className="problem-adjust"
              disabled={!newDeadline}
              onClick={() =>
                void run(() => adjustProblem(problem.id, { deadline: newDeadline, reason: adjustReason }))
              }
            >
              确认调整
            </Button>
          </Cell>
        </Cell.Group>
      )}
      {message && <Text className="registry-message">{message}</Text>}
    </Page>
  )
}
