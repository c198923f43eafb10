import { caseStatusLabels, householdTagLabels, visitPurposeLabels, type VisitPurpose } from '@minqing/shared'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { VisitDetail } from '../../../api/visits'
import { Cell } from '../../../ui/nutui'

/** A visit this phone does not hold (recorded on another phone), as the server has it. */
export function ServerVisit({ visit }: { visit: VisitDetail }) {
  const tagLabel = (tag: string) => householdTagLabels[tag as keyof typeof householdTagLabels] ?? tag
  return (
    <>
      <Cell.Group title="同步状态">
        <Cell
          title={<Text className="visit-detail-state visit-state-synced">已同步</Text>}
          description={`记录在其他设备上，第${visit.revision}版`}
        />
      </Cell.Group>
      <Cell.Group title="走访对象">
        <Cell title={visit.household.name} description={visit.household.address} />
        {visit.household.phone && <Cell title="电话" extra={visit.household.phone} />}
        {visit.household.tags.length > 0 && (
          <Cell title="标签" description={visit.household.tags.map(tagLabel).join('、')} />
        )}
        <Cell title="走访时间" extra={dayjs(visit.visitedAt).format('YYYY-MM-DD HH:mm')} />
        <Cell
          title="目的"
          description={visit.purposes
            .map((purpose) => visitPurposeLabels[purpose as VisitPurpose] ?? purpose)
            .join('、')}
        />
      </Cell.Group>
      <Cell.Group title="民情日记">
        <View className="visit-picker">
          <Text>{visit.notes || '（无）'}</Text>
        </View>
      </Cell.Group>
      {visit.photoUrls.length > 0 && (
        <View className="visit-photos">
          {visit.photoUrls.map((url, index) => (
            <Image key={index} className="visit-photo" src={url} mode="aspectFill" />
          ))}
        </View>
      )}
      {visit.problems.length > 0 && (
        <Cell.Group title="发现的问题">
          {visit.problems.map((problem, index) => (
            <Cell
              key={index}
              className="visit-problem-case"
              title={problem.title}
              description={
                problem.case
                  ? `已转诉求 ${problem.case.number}（${caseStatusLabels[problem.case.status as keyof typeof caseStatusLabels] ?? problem.case.status}）`
                  : '正在转为诉求'
              }
              onClick={() =>
                problem.case &&
                void Taro.navigateTo({ url: `/pages/cases/detail/index?id=${problem.case.id}` })
              }
            />
          ))}
        </Cell.Group>
      )}
    </>
  )
}
