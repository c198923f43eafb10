import { AppError } from '@minqing/shared'
import type { Context } from 'koa'
import { accessTokenState } from '../users/accountState'
import type { Access, Viewer } from './defineRoute'

/** Reads the bearer token, verifies it and checks the route's roles. */
export async function authenticate(ctx: Context, access: Access): Promise<Viewer | undefined> {
  const header = ctx.get('authorization')
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
  if (!token) {
    if (access === 'public') return undefined
    throw new AppError('UNAUTHENTICATED')
  }
  const { tokenVersion, ...viewer } = await ctx.deps.tokens.verifyAccess(token)
  // A disabled account's tokens stop at once; after a role or unit change the client refreshes.
  const state = await accessTokenState(viewer.userId, tokenVersion)
  if (state === 'disabled') throw new AppError('ACCOUNT_DISABLED')
  if (state === 'outdated') throw new AppError('TOKEN_EXPIRED')
  if (access !== 'public' && !access.includes(viewer.role)) throw new AppError('FORBIDDEN')
  return viewer
}
