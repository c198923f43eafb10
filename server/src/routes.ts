import { auditRoutes } from './audit/routes'
import { authRoutes } from './auth/routes'
import { caseRoutes } from './cases/routes'
import { categoryRoutes } from './categories/routes'
import { fileRoutes } from './files/routes'
import { notificationRoutes } from './notifications/routes'
import { settingsRoutes } from './settings/routes'
import { statsRoutes } from './stats/routes'
import { visitRoutes } from './visits/routes'
import { campaignRoutes } from './campaigns/routes'
import { uploadRoutes } from './uploads/routes'
import { pairRoutes } from './pairs/routes'
import { receptionRoutes } from './reception/routes'
import { exportRoutes } from './exports/routes'
import { echoWallRoutes } from './echoWall/routes'
import { supervisionRoutes } from './supervision/routes'
import { followUpRoutes } from './followUp/routes'
import { topicRoutes } from './topics/routes'
import { routingRoutes } from './routing/routes'
import type { RouteSpec } from './http/defineRoute'
import { unitRoutes } from './units/routes'
import { userRoutes } from './users/routes'
import { wechatRoutes } from './wechat/routes'
import { smsRoutes } from './sms/routes'
import { intakeRoutes } from './intake/routes'
import { ratingRoutes } from './ratings/routes'
import { satisfactionByChannelRoutes } from './stats/satisfactionByChannel'
import { dispatchRoutes } from './dispatch/routes'
import { importRoutes } from './imports/routes'
import { contactPointRoutes } from './contactPoints/routes'
import { replyTemplateRoutes } from './replyTemplates/routes'
import { knowledgeRoutes } from './knowledge/routes'
import { householdRoutes } from './households/routes'
import { repeatConcernRoutes } from './repeatConcerns/routes'
import { rectificationRoutes } from './rectification/routes'
import { orgImportRoutes } from './imports/orgRoutes'
import { tenantRoutes } from './tenants/routes'

/**
 * Every API route, as data. The router, the OpenAPI document and the authorization-matrix test
 * are all generated from this one table, so a new route cannot be forgotten by any of them.
 */
export const routeTable: readonly RouteSpec[] = [
  ...authRoutes,
  ...userRoutes,
  ...unitRoutes,
  ...categoryRoutes,
  ...routingRoutes,
  ...caseRoutes,
  ...fileRoutes,
  ...notificationRoutes,
  ...settingsRoutes,
  ...statsRoutes,
  ...visitRoutes,
  ...campaignRoutes,
  ...uploadRoutes,
  ...pairRoutes,
  ...receptionRoutes,
  ...exportRoutes,
  ...echoWallRoutes,
  ...supervisionRoutes,
  ...followUpRoutes,
  ...topicRoutes,
  ...wechatRoutes,
  ...smsRoutes,
  ...auditRoutes,
  // Intake by operators, lookup by phone + code, ratings from every channel (issue 14)
  ...intakeRoutes,
  ...ratingRoutes,
  ...satisfactionByChannelRoutes,
  ...dispatchRoutes,
  ...importRoutes,
  // 联系点 and 帮扶共建 with the ledger reported upward (issue 16)
  ...contactPointRoutes,
  // Answers faster and more consistent (issue 14): reply templates, knowledge base
  ...replyTemplateRoutes,
  ...knowledgeRoutes,
  // Household archives, repeat concerns, rectification lists (issue #16)
  ...householdRoutes,
  ...repeatConcernRoutes,
  ...rectificationRoutes,
  // Bulk import / export of units and staff (issue #16, orgimport)
  ...orgImportRoutes,
  // The district list for residents' links and the console (issue #16, tenants)
  ...tenantRoutes,
]
