import { accountStates } from './user.model'

/** The state an access token of `userId` signed with `tokenVersion` is in now (see accountStates). */
export async function accessTokenState(
  userId: string,
  tokenVersion: number,
): Promise<'ok' | 'disabled' | 'outdated'> {
  const state = (await accountStates.get()).get(userId)
  if (!state) return 'ok'
  if (state.disabled) return 'disabled'
  return tokenVersion < state.tokenVersion ? 'outdated' : 'ok'
}
