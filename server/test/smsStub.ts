import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedSms {
  via: 'aliyun' | 'webhook'
  phone: string
  template: string
  params: Record<string, string>
  signatureValid?: boolean
  authorization?: string
}

/** Aliyun's signature recomputed here from the documented steps, independently of the client. */
function expectedSignature(query: URLSearchParams, secret: string): string {
  const pairs = [...query.entries()]
    .filter(([key]) => key !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : 1))
  const enc = (v: string) =>
    encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  const canonical = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')
  return createHmac('sha1', secret + '&')
    .update(`GET&%2F&${enc(canonical)}`)
    .digest('base64')
}

/**
 * A local stand-in for an SMS gateway over real HTTP: Aliyun-style SendSms at `/` (checks the
 * signature with `secret`) and a generic webhook at `/webhook`. `refuse` makes it answer errors.
 */
export async function startSmsStub(secret = 'stub-secret') {
  const state = { received: [] as ReceivedSms[], refuse: false }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    res.setHeader('content-type', 'application/json')
    if (url.pathname === '/webhook' && req.method === 'POST') {
      let raw = ''
      req.on('data', (chunk) => (raw += String(chunk)))
      req.on('end', () => {
        const body = JSON.parse(raw) as { phone: string; template: string; params: Record<string, string> }
        state.received.push({ via: 'webhook', ...body, authorization: req.headers.authorization })
        res.statusCode = state.refuse ? 500 : 200
        res.end('{}')
      })
      return
    }
    if (url.searchParams.get('Action') === 'SendSms') {
      const signatureValid = url.searchParams.get('Signature') === expectedSignature(url.searchParams, secret)
      state.received.push({
        via: 'aliyun',
        phone: url.searchParams.get('PhoneNumbers') ?? '',
        template: url.searchParams.get('TemplateCode') ?? '',
        params: JSON.parse(url.searchParams.get('TemplateParam') ?? '{}') as Record<string, string>,
        signatureValid,
      })
      const code = !signatureValid
        ? 'SignatureDoesNotMatch'
        : state.refuse
          ? 'isv.BUSINESS_LIMIT_CONTROL'
          : 'OK'
      res.end(JSON.stringify({ Code: code, Message: code, RequestId: 'stub' }))
      return
    }
    res.statusCode = 404
    res.end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    state,
    aliyunEnv: () => ({
      SMS_PROVIDER: 'aliyun',
      SMS_ENDPOINT: `${baseUrl}/`,
      SMS_ACCESS_KEY_ID: 'stub-key',
      SMS_ACCESS_KEY_SECRET: secret,
      SMS_SIGN_NAME: '民情通',
      SMS_TEMPLATE_LOGIN_CODE: 'SMS_0001',
    }),
    webhookEnv: () => ({
      SMS_PROVIDER: 'webhook',
      SMS_WEBHOOK_URL: `${baseUrl}/webhook`,
      SMS_WEBHOOK_TOKEN: 'hook-token',
    }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
