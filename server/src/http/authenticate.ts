import { AppError } from '@minqing/shared'
import type { Context } from 'koa'
import type { Access, Viewer } from './defineRoute'

/** Reads the bearer token, verifies it and checks the route's roles. */
export async function authenticate(ctx: Context, access: Access): Promise<Viewer | undefined> {
  const header = ctx.get('authorization')
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
  if (!token) {
    if (access === 'public') return undefined
    throw new AppError('UNAUTHENTICATED')
  }
  const viewer = await ctx.deps.tokens.verifyAccess(token)
  if (access !== 'public' && !access.includes(viewer.role)) throw new AppError('FORBIDDEN')
  return viewer
}
