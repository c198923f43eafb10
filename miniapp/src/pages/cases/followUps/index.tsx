import { AppError } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { fetchCase } from '../../../api/cases'
import { answerFollowUp, fetchFollowUps } from '../../../api/followUps'
import { Page } from '../../../components/Page'
import { Empty } from '../../../ui/nutui'
import { FollowUpCard, type FollowUpCase } from './FollowUpCard'
import '../cases.css'
import './index.css'

/** The resident's 回头看 questions: each closed case sampled for a return visit, answered in place. */
export default function FollowUpsPage() {
  const [items, setItems] = useState<FollowUpCase[] | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [message, setMessage] = useState('')

  useDidShow(() => {
    void load()
  })

  async function load() {
    try {
      const pending = await fetchFollowUps()
      // The list names only the case: its number and title are what the resident recognises.
      const cases = await Promise.all(pending.map((item) => fetchCase(item.caseId)))
      setItems(
        pending.map((item, index) => ({
          ...item,
          number: cases[index]!.number,
          title: cases[index]!.title,
          closedAt: cases[index]!.closedAt ?? null,
        })),
      )
      setMessage('')
    } catch (error) {
      setMessage(error instanceof AppError ? error.message : '加载失败')
    }
  }

  async function answer(item: FollowUpCase, solved: boolean, comment: string) {
    setBusy(item.caseId)
    try {
      const result = await answerFollowUp(item.caseId, { solved, comment: comment.trim() || undefined })
      setItems((current) => current?.filter((entry) => entry.caseId !== item.caseId) ?? null)
      await Taro.showToast({
        title: solved ? '感谢反馈！' : result.reopened ? '已重新交办，请留意进度' : '已记录，我们会跟进',
        icon: 'none',
      })
    } catch (error) {
      setMessage(error instanceof AppError ? error.message : '提交失败，请重试')
    } finally {
      setBusy(null)
    }
  }

  return (
    <Page>
      <View className="follow-up-intro">
        <Text className="case-card-meta">
          回头看：已办结的诉求，我们会再问一问您问题是否真正解决。您的回答会计入回访满意率。
        </Text>
      </View>
      {message && <Text className="case-message">{message}</Text>}
      {items?.length === 0 && <Empty description="没有待回答的回头看" />}
      {items?.map((item) => (
        <FollowUpCard
          key={item.caseId}
          item={item}
          busy={busy === item.caseId}
          onAnswer={(solved, comment) => void answer(item, solved, comment)}
        />
      ))}
    </Page>
  )
}
