import { chinaDate, householdInputSchema, type Role } from '@minqing/shared'
import type { AppDeps } from '../http/deps'
import type { Viewer } from '../http/defineRoute'
import { createHousehold } from '../households/createHousehold'
import { commitProblemChange } from '../rectification/commitProblemChange'
import { createList } from '../rectification/createList'
import { RectificationProblemModel } from '../rectification/rectification.model'
import { createUser } from '../users/createUser'
import { VisitModel } from '../visits/visit.model'

/** Aspects, items and problems of the sample list: 三方面17项43个问题, as the inspection seed states it. */
const sampleAspects: Array<{ title: string; items: string[] }> = [
  {
    title: '贯彻落实党的理论和路线方针政策方面',
    items: [
      '理论学习不够深入',
      '民生政策落实有偏差',
      '重大决策部署推进缓慢',
      '意识形态责任制落实不到位',
      '基层党建基础薄弱',
      '乡村振兴衔接不紧',
    ],
  },
  {
    title: '落实全面从严治党责任方面',
    items: [
      '主体责任压得不实',
      '监督责任履行不力',
      '中央八项规定精神执行不严',
      '财务管理不规范',
      '工程项目监管缺位',
      '选人用人把关不严',
    ],
  },
  {
    title: '为民服务和作风建设方面',
    items: [
      '群众诉求办理不及时',
      '窗口服务推诿扯皮',
      '走访群众流于形式',
      '矛盾纠纷化解不到位',
      '惠民资金发放滞后',
    ],
  },
]

/**
 * Demo 民情档案 and 整改台账: three households of the community (the grid worker's two demo visits
 * linked to the first), and one rectification list shaped like the seed's "三方面17项43个问题",
 * five of them struck off and a few past their deadline, so the board and the report have data.
 */
export async function seedRegistry(
  deps: AppDeps,
  viewers: Record<Role, Viewer>,
  units: { street: string; housing: string; culture: string },
) {
  const households = [
    { headName: '王大爷', address: '幸福社区3号楼', phone: '13912340000', tags: ['livingAlone', 'veteran'] },
    { headName: '陈阿姨', address: '幸福社区1号楼', tags: ['emptyNest'] },
    { headName: '刘建国', address: '幸福社区8号楼2单元', tags: ['minimumLiving', 'disabled'] },
  ]
  const [first] = await Promise.all(
    households.map((household) =>
      createHousehold(
        viewers.staff,
        householdInputSchema.parse({ ...household, members: [] }),
        deps.urlSecret,
      ),
    ),
  )
  await VisitModel.updateMany({ 'content.household.name': '王大爷' }, { $set: { householdId: first!._id } })

  const deputy = await createUser({
    phone: '13800000012',
    name: '周副局长',
    role: 'leader',
    password: deps.config.DEMO_PASSWORD,
    unitId: units.housing,
    positionLevel: 'unitLeader',
  })
  const today = chinaDate(deps.clock.now())
  const leaders = [viewers.leader.userId, String(deputy._id)]
  const leadUnits = [units.housing, units.culture, units.street]
  let n = 0
  const list = await createList(
    viewers.leader,
    {
      title: '区委第一巡察组反馈问题整改',
      source: 'inspection',
      aspects: sampleAspects.map((aspect) => ({
        title: aspect.title,
        items: aspect.items.map((title) => {
          const count = n < 27 ? 3 : 2 // 9 items of 3 problems, 8 of 2: 43
          return {
            title,
            problems: Array.from({ length: count }, (_, k) => {
              n += 1
              return {
                description: `${title}：具体问题${k + 1}`,
                responsibleLeaderId: leaders[n % 2]!,
                leadUnitId: leadUnits[n % 3]!,
                measures: '制定专项整改方案，建立问题、任务、责任清单，逐项整改销号',
                target: '问题整改到位，建立长效机制',
                deadline: today.add(n % 5 === 0 ? -10 : 60, 'day').format('YYYY-MM-DD'),
              }
            }),
          }
        }),
      })),
    },
    deps.clock.now(),
  )
  const worker = { userId: leaders[1]!, role: 'leader' as const, unitId: units.housing }
  const toClose = await RectificationProblemModel.find({ listId: list._id, responsibleLeaderId: deputy._id })
    .sort({ no: 1, _id: 1 })
    .limit(5)
  for (const problem of toClose) {
    const at = deps.clock.now()
    const asked = await commitProblemChange(
      problem,
      {
        action: 'requestClosure',
        to: 'awaitingApproval',
        set: { closure: { note: '已整改完毕，佐证材料见整改报告', by: worker.userId, at, evidence: [] } },
      },
      worker,
      at,
    )
    await commitProblemChange(
      asked,
      {
        action: 'approve',
        to: 'closed',
        set: { approval: { approved: true, reason: '', by: viewers.leader.userId, at } },
      },
      viewers.leader,
      at,
    )
  }
}
