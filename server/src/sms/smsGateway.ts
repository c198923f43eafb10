import { createHmac, randomUUID } from 'node:crypto'
import { z } from 'zod'

/** One text message to a mainland mobile, by template (Chinese SMS gateways send templates only). */
export interface SmsMessage {
  phone: string
  template: string
  params: Record<string, string>
}

export interface SmsGateway {
  readonly kind: 'aliyun' | 'webhook'
  /** Sends or throws SmsError with the gateway's code; the outbox retries. */
  send(message: SmsMessage): Promise<void>
}

export class SmsError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message)
  }
}

/** RFC 3986 encoding as Aliyun's RPC signature requires ('*' and '~' differ from encodeURIComponent). */
export function aliyunEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%7E/g, '~')
}

/**
 * Aliyun's RPC signature (签名机制 v1): the sorted, encoded query is the string to sign, prefixed
 * by the method and "/", HMAC-SHA1 with the secret plus "&", base64.
 */
export function aliyunSignature(params: Record<string, string>, secret: string, method = 'GET'): string {
  const canonical = Object.keys(params)
    .sort()
    .map((key) => `${aliyunEncode(key)}=${aliyunEncode(params[key]!)}`)
    .join('&')
  const stringToSign = `${method}&${aliyunEncode('/')}&${aliyunEncode(canonical)}`
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64')
}

const aliyunAnswer = z.object({ Code: z.string(), Message: z.string().optional() })

/** Aliyun SMS (dysmsapi SendSms) over its signed HTTP API; the endpoint is configurable. */
export function createAliyunSmsGateway(options: {
  endpoint: string
  accessKeyId: string
  accessKeySecret: string
  signName: string
  timeoutMs?: number
  now?: () => Date
}): SmsGateway {
  return {
    kind: 'aliyun',
    async send(message) {
      const params: Record<string, string> = {
        AccessKeyId: options.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: message.phone,
        SignName: options.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: message.template,
        TemplateParam: JSON.stringify(message.params),
        Timestamp: (options.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      }
      const url = new URL(options.endpoint)
      url.search = new URLSearchParams({
        ...params,
        Signature: aliyunSignature(params, options.accessKeySecret),
      }).toString()
      let answer: z.infer<typeof aliyunAnswer>
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5_000) })
        answer = aliyunAnswer.parse(await response.json())
      } catch (error) {
        throw new SmsError(`SMS gateway unreachable or unreadable: ${(error as Error).name}`, null)
      }
      if (answer.Code !== 'OK') throw new SmsError(`SMS gateway refused (${answer.Code})`, answer.Code)
    },
  }
}

/** A generic webhook gateway: POST JSON with a bearer token; any 2xx is sent. */
export function createWebhookSmsGateway(options: {
  url: string
  token?: string
  timeoutMs?: number
}): SmsGateway {
  return {
    kind: 'webhook',
    async send(message) {
      let response: Response
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        })
      } catch (error) {
        throw new SmsError(`SMS webhook unreachable: ${(error as Error).name}`, null)
      }
      if (!response.ok) throw new SmsError(`SMS webhook answered ${response.status}`, String(response.status))
    },
  }
}
