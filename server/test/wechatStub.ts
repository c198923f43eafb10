import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SentMessage {
  accessToken: string | null
  body: { touser: string; template_id: string; page: string; data: Record<string, { value: string }> }
}

/**
 * A local stand-in for api.weixin.qq.com over real HTTP: code2session (code "bad-code" is
 * refused), access tokens, subscribe-message sending (answers `sendErrcode` when set), and
 * the phone-number API (codes registered in `phoneCodes`).
 */
export async function startWechatStub() {
  const state = {
    sessionQueries: [] as URLSearchParams[],
    tokensIssued: 0,
    sent: [] as SentMessage[],
    sendErrcode: 0,
    /** getPhoneNumber codes the stub knows: code → [purePhoneNumber, countryCode]. */
    phoneCodes: new Map<string, [string, string]>(),
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    res.setHeader('content-type', 'application/json')
    if (url.pathname === '/sns/jscode2session') {
      state.sessionQueries.push(url.searchParams)
      const code = url.searchParams.get('js_code')
      res.end(
        JSON.stringify(
          code === 'bad-code'
            ? { errcode: 40029, errmsg: 'invalid code' }
            : { openid: `openid-for-${code}`, session_key: 'k' },
        ),
      )
      return
    }
    if (url.pathname === '/cgi-bin/token') {
      state.tokensIssued++
      res.end(JSON.stringify({ access_token: `token-${state.tokensIssued}`, expires_in: 7200 }))
      return
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      let raw = ''
      req.on('data', (chunk) => (raw += String(chunk)))
      req.on('end', () => {
        state.sent.push({ accessToken: url.searchParams.get('access_token'), body: JSON.parse(raw) })
        res.end(JSON.stringify({ errcode: state.sendErrcode, errmsg: state.sendErrcode ? 'refused' : 'ok' }))
      })
      return
    }
    if (url.pathname === '/wxa/business/getuserphonenumber' && req.method === 'POST') {
      let raw = ''
      req.on('data', (chunk) => (raw += String(chunk)))
      req.on('end', () => {
        const known = state.phoneCodes.get((JSON.parse(raw) as { code: string }).code)
        res.end(
          JSON.stringify(
            url.searchParams.get('access_token')?.startsWith('token-') && known
              ? {
                  errcode: 0,
                  errmsg: 'ok',
                  phone_info: {
                    phoneNumber: `+${known[1]} ${known[0]}`,
                    purePhoneNumber: known[0],
                    countryCode: known[1],
                  },
                }
              : { errcode: 40029, errmsg: 'invalid code' },
          ),
        )
      })
      return
    }
    res.statusCode = 404
    res.end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    baseUrl,
    state,
    env: (extra: Record<string, string> = {}) => ({
      WECHAT_APPID: 'wx-test-app',
      WECHAT_SECRET: 'wx-test-secret',
      WECHAT_API_BASE: baseUrl,
      ...extra,
    }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
