import type { Role } from '@minqing/shared'

export interface HomeEntry {
  key: string
  title: string
  description: string
  /** The page it opens; entries without one are not built yet. */
  url?: string
}

/**
 * What each role sees first on the home page. Residents raise and follow cases; staff visit;
 * handlers work their unit's inbox; leaders supervise; admins configure and dispatch.
 */
const entriesByRole: Record<Role, HomeEntry[]> = {
  resident: [
    {
      key: 'submitCase',
      title: '我要反映',
      description: '提交意见建议、投诉、求助',
      url: '/pages/cases/submit/index',
    },
    {
      key: 'myCases',
      title: '我的诉求',
      description: '查看办理进度与回复',
      url: '/pages/cases/list/index?scope=all',
    },
    {
      key: 'echoWall',
      title: '回音壁',
      description: '看看大家的诉求怎么办的',
      url: '/pages/review/echo/index',
    },
    { key: 'topics', title: '问计于民', description: '参与征集话题', url: '/pages/review/topics/index' },
  ],
  staff: [
    {
      key: 'newVisit',
      title: '新增走访',
      description: '记录民情日记（可离线）',
      url: '/pages/visits/new/index',
    },
    {
      key: 'myVisits',
      title: '我的走访',
      description: '走访记录与同步状态',
      url: '/pages/visits/list/index',
    },
    {
      key: 'quota',
      title: '任务进度',
      // The 宣讲 / 座谈会 form opens from the progress page: say so where a cadre looks for it.
      description: '指标完成情况，记录座谈会等活动',
      url: '/pages/visits/progress/index',
    },
    { key: 'pairs', title: '结对帮扶', description: '结对户与回访提醒', url: '/pages/visits/pairs/index' },
    { key: 'reception', title: '接访值班', description: '今日开门接访', url: '/pages/visits/duty/index' },
    {
      key: 'contacts',
      title: '联系点',
      description: '联系点与帮扶共建活动',
      url: '/pages/visits/contacts/index',
    },
  ],
  handler: [
    {
      key: 'inbox',
      title: '待办工单',
      description: '本单位待签收、待办理',
      url: '/pages/cases/list/index?scope=inbox',
    },
    {
      key: 'handled',
      title: '已办工单',
      description: '经本单位办理的诉求',
      url: '/pages/cases/list/index?scope=handled',
    },
    { key: 'objections', title: '派单异议', description: '非本单位职责的退回与移交' },
  ],
  leader: [
    {
      key: 'supervision',
      title: '督办看板',
      description: '超期、预警与挂牌督办',
      url: '/pages/review/board/index',
    },
    {
      key: 'unitCases',
      title: '辖区诉求',
      description: '本辖区全部诉求',
      url: '/pages/cases/list/index?scope=all',
    },
    { key: 'stats', title: '统计分析', description: '三率与单位排名', url: '/pages/review/stats/index' },
    {
      key: 'console',
      title: '统计看板',
      description: '图表、台账导出与简报',
      url: '/pages/admin/dashboard/index',
    },
    {
      key: 'ownedCases',
      title: '包案',
      description: '我牵头的案件',
      url: '/pages/cases/list/index?scope=owned',
    },
    {
      key: 'unitProgress',
      title: '走访进度',
      description: '本单位走访完成情况',
      url: '/pages/visits/progress/index',
    },
    {
      key: 'leaderVisits',
      title: '我的走访',
      description: '领导走访与带案下访',
      url: '/pages/visits/list/index',
    },
    { key: 'reception', title: '开门接访', description: '值班与接访登记', url: '/pages/visits/duty/index' },
    {
      key: 'contacts',
      title: '联系点',
      description: '联系点、帮扶共建与台账报送',
      url: '/pages/visits/contacts/index',
    },
  ],
  admin: [
    {
      key: 'dispatch',
      title: '派单中心',
      description: '人工派单',
      url: '/pages/cases/list/index?scope=queue',
    },
    { key: 'routing', title: '派单规则', description: '规则配置与试算', url: '/pages/cases/routing/index' },
    {
      key: 'console',
      title: '管理后台',
      description: '看板、台账、简报与配置',
      url: '/pages/admin/dashboard/index',
    },
    { key: 'units', title: '单位与用户', description: '组织架构与账号', url: '/pages/admin/units/index' },
    { key: 'stats', title: '统计分析', description: '三率、红黑榜与台账', url: '/pages/review/stats/index' },
    {
      key: 'board',
      title: '督办看板',
      description: '超期、预警与挂牌督办',
      url: '/pages/review/board/index',
    },
    {
      key: 'allCases',
      title: '全部诉求',
      description: '全市诉求台账',
      url: '/pages/cases/list/index?scope=all',
    },
    // Intake on behalf of a caller (issue 14): the dispatch centre may file too.
    {
      key: 'intake',
      title: '代为登记',
      description: '热线、来访、来信登记诉求',
      url: '/pages/admin/intake/index',
    },
  ],
  operator: [
    {
      key: 'intake',
      title: '受理登记',
      description: '热线、来访、来信等渠道登记诉求（快捷键 Ctrl+Enter 保存）',
      url: '/pages/admin/intake/index',
    },
    {
      key: 'ratingCalls',
      title: '回访评价',
      description: '电话回访未评价的来电诉求',
      url: '/pages/admin/intake/index?tab=calls',
    },
  ],
}

export function entriesFor(role: Role): HomeEntry[] {
  return entriesByRole[role]
}

/**
 * 回头看 (residents): shown only while a closed case of theirs waits for an answer, after the
 * other tiles, so its arrival after loading moves nothing the resident is about to tap.
 */
export const followUpEntry: HomeEntry = {
  key: 'followUps',
  title: '回头看',
  description: '已办结的问题，现在解决了吗？',
  url: '/pages/cases/followUps/index',
}
