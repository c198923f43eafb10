import {
  AppError,
  chinaDate,
  maskName,
  stripPersonalData,
  objectIdSchema,
  suggestionInputSchema,
  topicInputSchema,
  topicKindLabels,
} from '@minqing/shared'
import { z } from 'zod'
import { categoryExists } from '../categories/categoryTree'
import { submitCase } from '../cases/submitCase'
import { defineRoute } from '../http/defineRoute'
import { decisionBodySchema, isHidden, logDecision, reportBodySchema } from '../moderation/moderation'
import { requireVerifiedResident } from '../echoWall/verifiedResident'
import { UserModel } from '../users/user.model'
import { SuggestionModel, SuggestionReactionModel, TopicModel } from './topic.model'
import { isDuplicateKey } from '../db/duplicateKey'
import type { Viewer } from '../http/defineRoute'
import { publicTenant, publicTenantFilter, tenantCodeQuery } from '../tenants/publicTenant'
import { defaultTenantId } from '../tenants/defaultTenant'
import { TenantModel } from '../tenants/tenant.model'
import { assertSameTenant, scopeFilter, tenantOf, writeTenant } from '../tenants/tenantScope'
// Response schemas (issue 12)
import {
  reportResultResponseSchema,
  suggestionAdoptedResponseSchema,
  suggestionCreatedResponseSchema,
  suggestionDecisionResponseSchema,
  suggestionListResponseSchema,
  suggestionModerationQueueResponseSchema,
  supportsResponseSchema,
  topicListResponseSchema,
  topicViewSchema,
} from '@minqing/shared'

const idParams = z.object({ id: objectIdSchema })

async function findSuggestion(id: string) {
  const suggestion = await SuggestionModel.findById(id)
  if (!suggestion) throw new AppError('NOT_FOUND')
  return suggestion
}

/**
 * A suggestion an admin moderates or adopts: under a consultation of their district (a city-level
 * admin: any); another district's is 404, as if it did not exist.
 */
async function findModeratedSuggestion(id: string, viewer: Viewer) {
  const suggestion = await findSuggestion(id)
  const topic = await TopicModel.findById(suggestion.topicId, { tenantId: 1 }).lean()
  assertSameTenant(viewer, topic)
  return { suggestion, topic: topic! }
}

/** A reaction once per resident: a second tap answers 409 DUPLICATE and changes nothing. */
async function react(suggestionId: string, userId: string, kind: 'support' | 'report', reason?: string) {
  try {
    await SuggestionReactionModel.create({ suggestionId, userId, kind, reason: reason ?? null })
  } catch (error) {
    if (isDuplicateKey(error)) throw new AppError('DUPLICATE')
    throw error
  }
  return SuggestionReactionModel.countDocuments({ suggestionId, kind })
}

/** The code of a consultation's district for filing its adopted suggestions; none for the default. */
async function tenantCodeOf(topic: { tenantId?: unknown }): Promise<string | undefined> {
  const tenantId = tenantOf(topic as { tenantId?: string | null })
  if (tenantId === String(defaultTenantId)) return undefined
  return (await TenantModel.findById(tenantId, { code: 1 }).lean())?.code
}

const presentTopic = (topic: InstanceType<typeof TopicModel>, today: string) => ({
  id: String(topic._id),
  kind: topic.kind,
  kindLabel: topicKindLabels[topic.kind as keyof typeof topicKindLabels],
  title: topic.title,
  question: topic.question,
  opensOn: topic.opensOn,
  closesOn: topic.closesOn,
  open: topic.opensOn <= today && today <= topic.closesOn,
})

export const topicRoutes = [
  defineRoute({
    method: 'post',
    path: '/topics',
    access: ['admin'],
    summary:
      "Open a public topic (问政于民 / 问需于民 / 问计于民) with a question and a period, in the admin's district",
    body: topicInputSchema,
    status: 201,
    response: topicViewSchema,
    handler: async (ctx, { body, viewer }) =>
      presentTopic(
        // A district's admin asks their district; a city-level admin the default tenant's residents.
        await TopicModel.create({ ...body, createdBy: viewer.userId, tenantId: writeTenant(viewer) }),
        chinaDate(ctx.deps.clock.now()).format('YYYY-MM-DD'),
      ),
  }),
  defineRoute({
    method: 'get',
    path: '/topics',
    access: 'public',
    summary: 'Public topics, newest first (one district with ?tenant=, else the resident’s own, else all)',
    query: z.object({ tenant: tenantCodeQuery }),
    response: topicListResponseSchema,
    handler: async (ctx, { query, viewer }) => {
      const today = chinaDate(ctx.deps.clock.now()).format('YYYY-MM-DD')
      const tenant = await publicTenant(query.tenant, viewer)
      return {
        items: (
          await TopicModel.find(publicTenantFilter(tenant)).sort({ opensOn: -1, _id: -1 }).limit(100)
        ).map((topic) => presentTopic(topic, today)),
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/topics/:id/suggestions',
    access: 'public',
    summary:
      "A topic's suggestions, most supported first (hidden ones left out); authors' names masked, personal data stripped from the text",
    params: idParams,
    response: suggestionListResponseSchema,
    handler: async (_ctx, { params }) => {
      const suggestions = await SuggestionModel.find({ topicId: params.id, hidden: false })
        .sort({ supports: -1, createdAt: 1 })
        .limit(200)
      const authors = await UserModel.find(
        { _id: { $in: suggestions.map((item) => item.authorId) } },
        { name: 1 },
      )
      return {
        items: suggestions.map((item) => ({
          id: String(item._id),
          text: stripPersonalData(item.text),
          author: maskName(authors.find((user) => String(user._id) === String(item.authorId))?.name) ?? '',
          supports: item.supports,
          adoptedCaseId: item.adoptedCaseId ? String(item.adoptedCaseId) : null,
          createdAt: (item.createdAt as Date).toISOString(),
        })),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/topics/:id/suggestions',
    access: ['resident'],
    summary: 'Post a suggestion under an open topic',
    params: idParams,
    body: suggestionInputSchema,
    status: 201,
    response: suggestionCreatedResponseSchema,
    handler: async (ctx, { params, body, viewer }) => {
      const topic = await TopicModel.findById(params.id)
      if (!topic) throw new AppError('NOT_FOUND')
      const today = chinaDate(ctx.deps.clock.now()).format('YYYY-MM-DD')
      if (today < topic.opensOn || today > topic.closesOn)
        throw new AppError('INVALID_TRANSITION', { details: { reason: 'topic_closed' } })
      const suggestion = await SuggestionModel.create({
        topicId: topic._id,
        authorId: viewer.userId,
        text: body.text,
      })
      return { id: String(suggestion._id), text: suggestion.text, supports: 0 }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/suggestions/:id/support',
    access: ['resident'],
    summary: '点赞 a suggestion, once per verified resident (not guests)',
    params: idParams,
    response: supportsResponseSchema,
    handler: async (_ctx, { params, viewer }) => {
      await requireVerifiedResident(viewer.userId)
      await findSuggestion(params.id)
      const supports = await react(params.id, viewer.userId, 'support')
      await SuggestionModel.updateOne({ _id: params.id }, { $set: { supports } })
      return { supports }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/suggestions/:id/reports',
    access: ['resident'],
    summary:
      'Report a suggestion (spam, offensive, off topic), once per verified resident (not guests); hidden after 3 until a moderator decides',
    params: idParams,
    body: reportBodySchema,
    status: 201,
    response: reportResultResponseSchema,
    handler: async (_ctx, { params, body, viewer }) => {
      await requireVerifiedResident(viewer.userId)
      const suggestion = await findSuggestion(params.id)
      const reports = await react(params.id, viewer.userId, 'report', body.reason)
      const hidden = isHidden(suggestion.decision as 'show' | 'hide' | null | undefined, reports)
      await SuggestionModel.updateOne({ _id: params.id }, { $set: { reports, hidden } })
      return { reports, hidden }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/suggestions/moderation',
    access: ['admin'],
    summary: 'Reported suggestions waiting for a decision (hidden ones included), with their report reasons',
    response: suggestionModerationQueueResponseSchema,
    handler: async (_ctx, { viewer }) => {
      // A district's admin moderates their district's consultations only.
      const ours = viewer.tenantId
        ? (await TopicModel.find(scopeFilter(viewer), { _id: 1 }).lean()).map((topic) => topic._id)
        : null
      const waiting = await SuggestionModel.find({
        reports: { $gt: 0 },
        decision: null,
        ...(ours ? { topicId: { $in: ours } } : {}),
      })
        .sort({ _id: 1 })
        .limit(200)
        .lean()
      const reasons = await SuggestionReactionModel.find(
        { suggestionId: { $in: waiting.map((item) => item._id) }, kind: 'report' },
        { suggestionId: 1, reason: 1 },
      ).lean()
      const topics = await TopicModel.find(
        { _id: { $in: waiting.map((item) => item.topicId) } },
        { title: 1 },
      ).lean()
      return {
        items: waiting.map((item) => ({
          id: String(item._id),
          topicTitle: topics.find((topic) => String(topic._id) === String(item.topicId))?.title ?? null,
          text: item.text,
          reports: item.reports,
          hidden: item.hidden,
          reasons: reasons
            .filter((reason) => String(reason.suggestionId) === String(item._id))
            .map((reason) => reason.reason),
        })),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/suggestions/:id/moderation',
    access: ['admin'],
    summary:
      "A moderator (the consultation's district admin, or the city's) shows or hides a reported suggestion; every decision is logged",
    params: idParams,
    body: decisionBodySchema,
    response: suggestionDecisionResponseSchema,
    handler: async (ctx, { params, body, viewer }) => {
      await findModeratedSuggestion(params.id, viewer)
      const at = ctx.deps.clock.now()
      await logDecision({ suggestionId: params.id }, viewer.userId, body, at)
      await SuggestionModel.updateOne(
        { _id: params.id },
        { $set: { decision: body.decision, hidden: body.decision === 'hide' } },
      )
      return { id: params.id, decision: body.decision }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/suggestions/:id/adopt',
    access: ['admin'],
    summary:
      "Adopt a suggestion: it becomes a case in its author's name in the consultation's district, routed as usual (once)",
    params: idParams,
    body: z.object({
      categoryCode: z.string().regex(/^[a-z0-9_.-]{1,64}$/),
      title: z.string().trim().min(2).max(60),
    }),
    response: suggestionAdoptedResponseSchema,
    handler: async (ctx, { params, body, viewer }) => {
      const { suggestion, topic } = await findModeratedSuggestion(params.id, viewer)
      if (!(await categoryExists(body.categoryCode))) {
        throw new AppError('VALIDATION_FAILED', {
          issues: [{ path: 'categoryCode', code: 'not_found', message: '分类不存在 / Unknown category' }],
        })
      }
      const { record } = await submitCase(
        ctx.deps,
        { userId: String(suggestion.authorId), role: 'resident', unitId: null },
        {
          // The suggestion's id makes the adoption idempotent: adopting twice finds the same case.
          clientId: `topic-${String(suggestion._id)}`,
          kind: 'suggestion',
          categoryCode: body.categoryCode,
          title: body.title,
          description: suggestion.text.length >= 5 ? suggestion.text : `${suggestion.text}（采纳的建议）`,
          urgency: 'general',
          photos: [],
          anonymous: false,
          publicConsent: true,
          // Filed in the consultation's district (the default tenant's needs no code).
          tenant: await tenantCodeOf(topic),
        },
        { source: 'topic', originId: String(suggestion._id) },
      )
      await SuggestionModel.updateOne({ _id: suggestion._id }, { $set: { adoptedCaseId: record._id } })
      return {
        caseId: String(record._id),
        number: record.number,
        unitId: record.unitId ? String(record.unitId) : null,
      }
    },
  }),
]
