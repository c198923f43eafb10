import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { formatChinaTime } from '../../../cases/format'
import { Button, TextArea } from '../../../ui/nutui'

export interface FollowUpCase {
  caseId: string
  sampledAt: string
  number: string
  title: string
  closedAt: string | null
}

/**
 * One 回头看 question: was the closed case's problem really solved, or has it come back? Two
 * large answers and a note; "not solved" reopens the case, so it asks once more before sending.
 */
export function FollowUpCard({
  item,
  busy,
  onAnswer,
}: {
  item: FollowUpCase
  busy: boolean
  onAnswer: (solved: boolean, comment: string) => void
}) {
  const [comment, setComment] = useState('')

  async function notSolved() {
    const { confirm } = await Taro.showModal({
      title: '问题没有解决？',
      content: '提交后，诉求将重新交办给承办单位，并由领导督办。',
      confirmText: '确认提交',
      cancelText: '再想想',
      confirmColor: '#c8161d',
    })
    if (confirm) onAnswer(false, comment)
  }

  return (
    <View className="case-card follow-up-card">
      <Text className="case-card-title">{item.title}</Text>
      <Text className="case-card-meta">
        {item.number}
        {item.closedAt ? ` · ${formatChinaTime(item.closedAt)} 办结` : ''}
      </Text>
      <Text className="follow-up-question">办结一段时间了，这个问题现在解决了吗？有没有再出现？</Text>
      <View className="follow-up-answers">
        <Button
          type="primary"
          className="follow-up-solved"
          loading={busy}
          onClick={() => onAnswer(true, comment)}
        >
          已解决，没有复发
        </Button>
        <Button className="follow-up-unsolved" loading={busy} onClick={() => void notSolved()}>
          没解决 / 又出现了
        </Button>
      </View>
      <TextArea
        className="follow-up-comment"
        placeholder="补充说明（选填），例如现在的情况"
        maxLength={500}
        value={comment}
        onChange={(value: string) => setComment(value)}
      />
      <Text
        className="case-link follow-up-open"
        onClick={() => void Taro.navigateTo({ url: `/pages/cases/detail/index?id=${item.caseId}` })}
      >
        查看诉求详情
      </Text>
    </View>
  )
}
