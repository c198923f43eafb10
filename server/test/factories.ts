import type { PositionLevel, Role, UnitLevel } from '@minqing/shared'
import { randomInt } from 'node:crypto'
import type supertest from 'supertest'

type Request = ReturnType<typeof supertest>
import { createUnit } from '../src/units/unitTree'
import { createUser } from '../src/users/createUser'

export const testPassword = 'correct-horse-battery'

export function uniquePhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
}

export async function buildUnit(
  props: { name?: string; level?: UnitLevel; parentId?: string | null; tenantId?: string } = {},
) {
  return createUnit({
    name: props.name ?? `单位${randomInt(1_000_000)}`,
    level: props.level ?? (props.parentId ? 'department' : 'district'),
    parentId: props.parentId ?? null,
    tenantId: props.tenantId,
  })
}

export async function buildUser(
  props: {
    role?: Role
    unitId?: string
    phone?: string
    name?: string
    positionLevel?: PositionLevel
    /** An admin's tenant (none = city level). */
    tenantId?: string
  } = {},
) {
  const role = props.role ?? 'staff'
  const unitId =
    props.unitId ?? (role === 'resident' || role === 'admin' ? undefined : (await buildUnit()).id)
  return createUser({
    phone: props.phone ?? uniquePhone(),
    name: props.name ?? '测试用户',
    role,
    password: testPassword,
    unitId,
    positionLevel: props.positionLevel,
    tenantId: props.tenantId,
  })
}

/** Logs a user in through the API and returns the session body. */
export async function loginAs(request: Request, user: { phone?: string | null }) {
  const response = await request
    .post('/api/v1/auth/login')
    .send({ phone: user.phone, password: testPassword })
  if (response.status !== 200)
    throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body as { accessToken: string; refreshToken: string; user: { id: string } }
}
