import { Text, View } from '@tarojs/components'
import type { Ranking } from '../../api/review'
import '../../pages/review/review.css'

/** Units by weighted score with the red (top) and black (bottom) lists marked; bars show the score. */
export function RankingList({ ranking }: { ranking: Ranking }) {
  const mark = (key: string) =>
    ranking.redList.includes(key) ? 'red' : ranking.blackList.includes(key) ? 'black' : null
  return (
    <View className="review-card review-ranking">
      <Text className="review-title">单位排名（红黑榜）</Text>
      {ranking.rows.map((row) => (
        <View key={row.key} className="review-row">
          <Text className={mark(row.key) ? `review-${mark(row.key)}` : ''}>
            {row.rank}. {row.name}
            {mark(row.key) === 'red' ? '（红榜）' : mark(row.key) === 'black' ? '（黑榜）' : ''}
          </Text>
          <View className="review-bar-track">
            <View className="review-bar" style={{ width: `${row.score}%` }} />
          </View>
          <Text>{row.score}</Text>
        </View>
      ))}
      {ranking.rows.length === 0 && <Text className="review-definition">本期没有达到最低样本数的单位</Text>}
      {(ranking.unranked ?? []).map((row) => (
        <View key={row.key} className="review-row review-unranked">
          <Text>{row.name}</Text>
          <Text>
            {row.note}（{row.sample} 件）
          </Text>
        </View>
      ))}
      <Text className="review-definition">
        得分 = 响应率×30% + 按时办结率×40% + 满意率×30%（无数据的指标不计入）
      </Text>
      {ranking.minCasesNote && <Text className="review-definition">{ranking.minCasesNote}</Text>}
    </View>
  )
}
