/**
 * A client typed only by the generated OpenAPI types (openapi-typescript): if the document lost
 * a response schema, `Answer<…>` would be `never`/`undefined` here and this file would not
 * type-check. Type-checked by `npm run contracts` (never executed).
 */
import type { paths } from './generated/api'

type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never
type Responses<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: infer Rs
}
  ? Rs
  : never
/** The JSON body of a successful answer (200 or 201). */
type Answer<P extends keyof paths, M extends 'get' | 'post'> = Json<
  Responses<P, M>[Extract<keyof Responses<P, M>, 200 | 201>]
>
type RequestBody<P extends keyof paths, M extends 'post'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer Body } }
}
  ? Body
  : never

declare function post<P extends keyof paths>(
  path: P,
  body: RequestBody<P, 'post'>,
): Promise<Answer<P, 'post'>>

export async function loginAndSubmit(): Promise<string> {
  const session = await post('/auth/login', { phone: '13800000001', password: 'correct horse battery' })
  const token: string = session.accessToken
  const role: 'resident' | 'staff' | 'handler' | 'leader' | 'admin' | 'operator' = session.user.role
  const submitted = await post('/cases', {
    clientId: 'client-0001-abcdef',
    kind: 'complaint',
    categoryCode: 'environment.noise',
    title: '夜间施工噪音',
    description: '工地每晚十一点后仍在施工',
    urgency: 'general',
  })
  const number: string = submitted.number
  const due: string | null = submitted.deadlines.expectedAnswerBy
  const actions: string[] = submitted.allowedActions
  return `${token}${role}${number}${due}${actions.join()}`
}
