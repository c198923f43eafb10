import type { CaseStatus } from '@minqing/shared'
import type { Config } from '../config/config'

/**
 * The two WeChat subscribe-message templates (订阅消息) a resident can allow: progress of a case
 * and its closing. Each acceptance on a tap is a one-time allowance for one message (WeChat's
 * 一次性订阅), so the server sends only what the resident allowed.
 */
export const subscribeTemplateKinds = ['caseProgress', 'caseClosed'] as const
export type SubscribeTemplateKind = (typeof subscribeTemplateKinds)[number]

export const subscribeTemplateTitles: Record<SubscribeTemplateKind, string> = {
  caseProgress: '诉求办理进度提醒',
  caseClosed: '诉求办结通知',
}

export interface SubscribeTemplate {
  kind: SubscribeTemplateKind
  templateId: string
}

/** The configured templates; none when WeChat is not configured. */
export function subscribeTemplates(config: Config): SubscribeTemplate[] {
  const ids: Record<SubscribeTemplateKind, string | undefined> = {
    caseProgress: config.WECHAT_SUBSCRIBE_TEMPLATE_ID,
    caseClosed: config.WECHAT_TEMPLATE_CASE_CLOSED,
  }
  return subscribeTemplateKinds.flatMap((kind) => (ids[kind] ? [{ kind, templateId: ids[kind] }] : []))
}

/** A case that has ended (办结, closed or not accepted) is told by the closing template. */
export function templateKindFor(status: CaseStatus): SubscribeTemplateKind {
  return status === 'resolved' || status === 'closed' || status === 'rejected' ? 'caseClosed' : 'caseProgress'
}
