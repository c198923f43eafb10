import { AppError, apiPrefix, type Session } from '@minqing/shared'

export interface TransportRequest {
  url: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  data?: unknown
  header: Record<string, string>
}
export interface TransportResponse {
  statusCode: number
  data: unknown
}
/** Sends one HTTP request; throws only when the network itself failed. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>
/** Uploads one local file as multipart field "file"; throws only when the network failed. */
export type Uploader = (request: {
  url: string
  filePath: string
  header: Record<string, string>
}) => Promise<TransportResponse>

export interface SessionStore {
  get(): Session | null
  set(session: Session | null): void
}

export interface ApiClientOptions {
  baseUrl: string
  transport: Transport
  uploader?: Uploader
  session: SessionStore
  /** Called once the session cannot be renewed (refresh token rejected): send the user to login. */
  onSessionLost?: () => void
  /** Waits between retries; injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<void>
}

export interface RequestOptions {
  body?: unknown
  /** false for login and other public calls. */
  auth?: boolean
  /** For raw bodies (photo chunks): application/octet-stream. */
  contentType?: string
}

const retryDelaysMs = [300, 1000]

/**
 * The one way the mini-app talks to the server: attaches the access token, renews it once with
 * the refresh token when it has expired (one renewal shared by concurrent calls), retries reads
 * on network failure and 503, and turns every error answer into a typed AppError.
 */
export function createApiClient(options: ApiClientOptions) {
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)))
  let refreshing: Promise<Session | null> | null = null

  async function send(
    method: TransportRequest['method'],
    path: string,
    request: RequestOptions,
  ): Promise<TransportResponse> {
    const header: Record<string, string> = { 'content-type': request.contentType ?? 'application/json' }
    const session = request.auth === false ? null : options.session.get()
    if (session) header.Authorization = `Bearer ${session.accessToken}`
    const attempts = method === 'GET' ? retryDelaysMs.length + 1 : 1
    for (let attempt = 1; ; attempt++) {
      let response: TransportResponse | undefined
      try {
        response = await options.transport({
          url: `${options.baseUrl}${apiPrefix}${path}`,
          method,
          data: request.body,
          header,
        })
      } catch (cause) {
        if (attempt >= attempts) throw new AppError('NETWORK_ERROR', { cause })
      }
      if (response && (response.statusCode !== 503 || attempt >= attempts)) return response
      await sleep(retryDelaysMs[attempt - 1] ?? 1000)
    }
  }

  async function renewSession(): Promise<Session | null> {
    const current = options.session.get()
    if (!current) return null
    const response = await send('POST', '/auth/refresh', {
      body: { refreshToken: current.refreshToken },
      auth: false,
    })
    if (response.statusCode !== 200) {
      options.session.set(null)
      options.onSessionLost?.()
      return null
    }
    const renewed = response.data as Session
    options.session.set(renewed)
    return renewed
  }

  /** Runs a call, renewing an expired token once and retrying; turns error answers into AppError. */
  async function withSession<T>(perform: () => Promise<TransportResponse>, auth: boolean): Promise<T> {
    let response = await perform()
    if (response.statusCode === 401 && auth && errorCode(response.data) === 'TOKEN_EXPIRED') {
      refreshing ??= renewSession().finally(() => {
        refreshing = null
      })
      if (await refreshing) response = await perform()
    }
    if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T
    throw AppError.fromBody(response.data)
  }

  function request<T>(
    method: TransportRequest['method'],
    path: string,
    request: RequestOptions = {},
  ): Promise<T> {
    return withSession<T>(() => send(method, path, request), request.auth !== false)
  }

  function upload<T>(path: string, filePath: string): Promise<T> {
    const uploader = options.uploader
    if (!uploader) throw new Error('no uploader configured')
    return withSession<T>(async () => {
      const session = options.session.get()
      const header: Record<string, string> = session ? { Authorization: `Bearer ${session.accessToken}` } : {}
      let response: TransportResponse
      try {
        response = await uploader({ url: `${options.baseUrl}${apiPrefix}${path}`, filePath, header })
      } catch (cause) {
        throw new AppError('NETWORK_ERROR', { cause })
      }
      // uploadFile answers with the body as text
      const data = typeof response.data === 'string' ? safeJson(response.data) : response.data
      return { statusCode: response.statusCode, data }
    }, true)
  }

  return {
    request,
    get: <T>(path: string) => request<T>('GET', path),
    post: <T>(path: string, body?: unknown, auth = true) => request<T>('POST', path, { body, auth }),
    upload,
  }
}

export type ApiClient = ReturnType<typeof createApiClient>

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function errorCode(body: unknown): string | undefined {
  return (body as { error?: { code?: string } } | null)?.error?.code
}
