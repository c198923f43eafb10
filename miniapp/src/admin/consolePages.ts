import type { Role } from '@minqing/shared'

export interface ConsolePage {
  key: string
  title: string
  url: string
  roles: readonly Role[]
}

const reviewers = ['admin', 'leader'] as const
const admins = ['admin'] as const

/** The admin console's pages, in menu order, with who may open each (the server checks again). */
export const consolePages: readonly ConsolePage[] = [
  { key: 'dashboard', title: '统计看板', url: '/pages/admin/dashboard/index', roles: reviewers },
  { key: 'cases', title: '诉求台账', url: '/pages/admin/cases/index', roles: reviewers },
  { key: 'queue', title: '派单中心', url: '/pages/cases/list/index?scope=queue', roles: admins },
  { key: 'board', title: '督办看板', url: '/pages/review/board/index', roles: reviewers },
  { key: 'brief', title: '简报', url: '/pages/admin/brief/index', roles: reviewers },
  { key: 'routing', title: '派单规则', url: '/pages/cases/routing/index', roles: admins },
  { key: 'units', title: '单位与用户', url: '/pages/admin/units/index', roles: admins },
  { key: 'categories', title: '诉求分类', url: '/pages/admin/categories/index', roles: admins },
  { key: 'calendar', title: '节假日', url: '/pages/admin/calendar/index', roles: admins },
  { key: 'campaigns', title: '走访活动', url: '/pages/admin/campaigns/index', roles: admins },
  { key: 'moderation', title: '内容审核', url: '/pages/admin/moderation/index', roles: admins },
  { key: 'topics', title: '话题管理', url: '/pages/admin/topics/index', roles: admins },
  // Intake for callers (issue 14): operators, and the dispatch centre's admins.
  { key: 'intake', title: '受理登记', url: '/pages/admin/intake/index', roles: ['admin', 'operator'] },
  // The campaign report and roster gaps as seed 004 reports them (issue 16).
  {
    key: 'campaignReport',
    title: '走访活动报告',
    url: '/pages/admin/campaignReport/index',
    roles: reviewers,
  },
  // Answers faster and more consistent (issue 14)
  { key: 'replyTemplates', title: '答复模板', url: '/pages/admin/replyTemplates/index', roles: admins },
  { key: 'knowledge', title: '问答库', url: '/pages/admin/knowledge/index', roles: admins },
  // 民情档案 and 整改台账 (issue #16): staff find their unit's households too.
  {
    key: 'households',
    title: '民情档案',
    url: '/pages/registry/households/index',
    roles: ['admin', 'leader', 'staff'],
  },
  {
    key: 'rectification',
    title: '整改台账',
    url: '/pages/registry/rectification/index',
    roles: ['admin', 'leader', 'staff', 'handler'],
  },
  // 信访积案 / 未息诉息访: matters raised again after closure, with their 包案领导 (issue 16).
  {
    key: 'repeatConcerns',
    title: '重复诉求',
    url: '/pages/registry/repeatConcerns/index',
    roles: reviewers,
  },
  // Who changed which configuration, before → after (issue 16).
  { key: 'configAudit', title: '配置变更记录', url: '/pages/admin/configAudit/index', roles: admins },
  // Bulk import of units and staff from the .xlsx template (issue 16, orgimport)
  { key: 'orgImport', title: '批量导入', url: '/pages/admin/orgImport/index', roles: admins },
  // The visit ledger (走访台账) download for a period and unit (issue 13).
  { key: 'visitLedger', title: '走访台账', url: '/pages/admin/visitLedger/index', roles: reviewers },
]

export const consolePagesFor = (role: Role) => consolePages.filter((page) => page.roles.includes(role))

export const mayOpen = (role: Role | undefined, key: string) =>
  Boolean(role && consolePages.find((page) => page.key === key)?.roles.includes(role))
