import type {
  FilledReplyTemplate,
  KnowledgeEntry,
  KnowledgeEntryInput,
  KnowledgeEntryPatch,
  KnowledgeHit,
  ReplyTemplate,
  ReplyTemplateAction,
  ReplyTemplateInput,
  ReplyTemplatePatch,
} from '@minqing/shared'
import { api } from './client'
import { withDistrict } from '../session/districtCode'

/** Reply templates and the knowledge base (答复模板, 问答库): what handlers, admins and residents call. */

export const templatesForCase = (caseId: string, action: ReplyTemplateAction) =>
  api
    .get<{ items: FilledReplyTemplate[] }>(`/cases/${caseId}/reply-templates?action=${action}`)
    .then((body) => body.items)

export const listReplyTemplates = () =>
  api.get<{ items: ReplyTemplate[] }>('/reply-templates').then((body) => body.items)
export const createReplyTemplate = (input: ReplyTemplateInput) =>
  api.post<ReplyTemplate>('/reply-templates', input)
export const updateReplyTemplate = (id: string, patch: ReplyTemplatePatch) =>
  api.request<ReplyTemplate>('PATCH', `/reply-templates/${id}`, { body: patch })
export const deleteReplyTemplate = (id: string) =>
  api.request<{ deleted: true }>('DELETE', `/reply-templates/${id}`, {})

const searchPath = (path: string, q: string, categoryCode?: string) =>
  `${path}?q=${encodeURIComponent(q)}${categoryCode ? `&categoryCode=${encodeURIComponent(categoryCode)}` : ''}`

export const searchKnowledge = (q: string, categoryCode?: string) =>
  api
    .get<{ items: KnowledgeHit[] }>(searchPath('/knowledge/search', q, categoryCode))
    .then((body) => body.items)
export const searchPublicKnowledge = (q: string) =>
  api
    .request<{ items: KnowledgeHit[] }>('GET', withDistrict(searchPath('/public/knowledge/search', q)), {
      auth: false,
    })
    .then((body) => body.items)

export const listKnowledge = () =>
  api.get<{ items: KnowledgeEntry[] }>('/knowledge').then((body) => body.items)
export const createKnowledge = (input: KnowledgeEntryInput) => api.post<KnowledgeEntry>('/knowledge', input)
export const updateKnowledge = (id: string, patch: KnowledgeEntryPatch) =>
  api.request<KnowledgeEntry>('PATCH', `/knowledge/${id}`, { body: patch })
export const deleteKnowledge = (id: string) =>
  api.request<{ deleted: true }>('DELETE', `/knowledge/${id}`, {})
