import { AppError, type Session } from '@minqing/shared'
import { describe, expect, it, vi } from 'vitest'
import { createApiClient, type SessionStore, type Transport, type TransportRequest } from './request'

const session = (access: string, refresh = 'refresh-token-aaaaaaaaaaaaaaaa'): Session => ({
  accessToken: access,
  refreshToken: refresh,
  accessTokenExpiresAt: new Date().toISOString(),
  user: { id: 'u1', role: 'handler', name: '李', unitId: null, positionLevel: null, isGuest: false },
})

function memoryStore(initial: Session | null): SessionStore & { value: Session | null } {
  const store = {
    value: initial,
    get: () => store.value,
    set: (next: Session | null) => {
      store.value = next
    },
  }
  return store
}

const errorBody = (code: string) => ({ error: { code, message: '中文', messageEn: 'english' } })

describe('createApiClient', () => {
  it('attaches the bearer token and prefixes the API path', async () => {
    const seen: TransportRequest[] = []
    const transport: Transport = async (req) => {
      seen.push(req)
      return { statusCode: 200, data: { ok: true } }
    }
    const client = createApiClient({ baseUrl: 'http://x', transport, session: memoryStore(session('A1')) })
    await expect(client.get('/me')).resolves.toEqual({ ok: true })
    expect(seen[0].url).toBe('http://x/api/v1/me')
    expect(seen[0].header.Authorization).toBe('Bearer A1')
  })

  it('turns an error answer into a typed AppError with field issues', async () => {
    const transport: Transport = async () => ({
      statusCode: 400,
      data: {
        error: {
          code: 'VALIDATION_FAILED',
          message: '有误',
          messageEn: 'bad',
          issues: [{ path: 'phone', code: 'x', message: 'm' }],
        },
      },
    })
    const client = createApiClient({ baseUrl: '', transport, session: memoryStore(null) })
    const error = await client.post('/auth/login', {}, false).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('VALIDATION_FAILED')
    expect((error as AppError).issues?.[0].path).toBe('phone')
  })

  it('renews an expired token once for concurrent calls, then retries each call', async () => {
    const store = memoryStore(session('OLD'))
    let refreshCalls = 0
    const transport: Transport = async (req) => {
      if (req.url.endsWith('/auth/refresh')) {
        refreshCalls++
        return { statusCode: 200, data: session('NEW', 'refresh-token-bbbbbbbbbbbbbbbb') }
      }
      return req.header.Authorization === 'Bearer NEW'
        ? { statusCode: 200, data: { path: req.url } }
        : { statusCode: 401, data: errorBody('TOKEN_EXPIRED') }
    }
    const client = createApiClient({ baseUrl: '', transport, session: store })
    const results = await Promise.all([client.get('/a'), client.get('/b')])
    expect(results).toEqual([{ path: '/api/v1/a' }, { path: '/api/v1/b' }])
    expect(refreshCalls).toBe(1)
    expect(store.value?.accessToken).toBe('NEW')
  })

  it('clears the session and reports it lost when the refresh token is rejected', async () => {
    const store = memoryStore(session('OLD'))
    const onSessionLost = vi.fn()
    const transport: Transport = async (req) =>
      req.url.endsWith('/auth/refresh')
        ? { statusCode: 401, data: errorBody('INVALID_TOKEN') }
        : { statusCode: 401, data: errorBody('TOKEN_EXPIRED') }
    const client = createApiClient({ baseUrl: '', transport, session: store, onSessionLost })
    await expect(client.get('/me')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' })
    expect(store.value).toBeNull()
    expect(onSessionLost).toHaveBeenCalledOnce()
  })

  it('retries reads after a network failure, but never repeats a write', async () => {
    let calls = 0
    const flaky: Transport = async () => {
      calls++
      if (calls < 3) throw new Error('offline')
      return { statusCode: 200, data: 'ok' }
    }
    const client = createApiClient({
      baseUrl: '',
      transport: flaky,
      session: memoryStore(null),
      sleep: async () => {},
    })
    await expect(client.get('/x')).resolves.toBe('ok')
    expect(calls).toBe(3)

    calls = 0
    const down: Transport = async () => {
      calls++
      throw new Error('offline')
    }
    const writer = createApiClient({
      baseUrl: '',
      transport: down,
      session: memoryStore(null),
      sleep: async () => {},
    })
    await expect(writer.post('/y', {})).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    expect(calls).toBe(1)
  })
})

describe('uploads', () => {
  it('parses the text body of an upload and renews an expired token once', async () => {
    const store = memoryStore(session('OLD'))
    const calls: string[] = []
    const client = createApiClient({
      baseUrl: '',
      session: store,
      transport: async () => ({ statusCode: 200, data: session('NEW', 'refresh-token-cccccccccccccccc') }),
      uploader: async (req) => {
        calls.push(req.header.Authorization ?? '')
        return req.header.Authorization === 'Bearer NEW'
          ? { statusCode: 201, data: '{"id":"f1"}' }
          : { statusCode: 401, data: JSON.stringify(errorBody('TOKEN_EXPIRED')) }
      },
    })
    await expect(client.upload('/files', 'blob:x')).resolves.toEqual({ id: 'f1' })
    expect(calls).toEqual(['Bearer OLD', 'Bearer NEW'])
  })

  it('turns an upload refusal into a typed error', async () => {
    const client = createApiClient({
      baseUrl: '',
      session: memoryStore(session('A')),
      transport: async () => ({ statusCode: 500, data: null }),
      uploader: async () => ({ statusCode: 415, data: JSON.stringify(errorBody('UNSUPPORTED_FILE_TYPE')) }),
    })
    await expect(client.upload('/files', 'blob:x')).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' })
  })
})
