import type { TimeLimits } from '@minqing/shared'
import { recordConfigChange } from '../audit/recordConfigChange'
import type { Viewer } from '../http/defineRoute'
import type { AppDeps } from '../http/deps'
import { refreshSettings, settingsFor } from './currentSettings'
import { SettingModel, timeLimitsSettingId } from './settings.model'

/** The time limits a viewer sees for a tenant (null = the city), and whether they are its own. */
export function presentTimeLimits(deps: AppDeps, tenantId: string | null) {
  const settings = settingsFor(deps, tenantId)
  return {
    ...settings.timeLimits,
    source: settings.ownTimeLimits ? ('tenant' as const) : ('city' as const),
    appliesTo: tenantId ? ('tenant' as const) : ('city' as const),
  }
}

/**
 * Saves the city's time limits (tenantId null) or one district's own; applies to deadlines
 * computed from now on, and is audited with the district it is about.
 */
export async function saveTimeLimits(
  deps: AppDeps,
  viewer: Viewer,
  tenantId: string | null,
  limits: TimeLimits,
) {
  const _id = timeLimitsSettingId(tenantId)
  const before = (await SettingModel.findById(_id).lean())?.value ?? (tenantId ? null : deps.timeLimits)
  await SettingModel.updateOne(
    { _id },
    { $set: { value: limits, updatedBy: viewer.userId } },
    { upsert: true },
  )
  await refreshSettings(deps)
  await recordConfigChange(deps, viewer, {
    entityType: 'timeLimits',
    entityId: 'timeLimits',
    // The city always has limits (the shipped ones at first); a district's first own set is new.
    action: before ? 'update' : 'create',
    before,
    after: limits,
    tenantId,
  })
  return presentTimeLimits(deps, tenantId)
}

/**
 * Removes a district's own time limits (it inherits the city's again), or the city's stored ones
 * (the city falls back to the shipped 12345 defaults).
 */
export async function resetTimeLimits(deps: AppDeps, viewer: Viewer, tenantId: string | null) {
  const _id = timeLimitsSettingId(tenantId)
  const before = await SettingModel.findById(_id).lean()
  await SettingModel.deleteOne({ _id })
  await refreshSettings(deps)
  if (before)
    await recordConfigChange(deps, viewer, {
      entityType: 'timeLimits',
      entityId: 'timeLimits',
      action: 'delete',
      before: before.value,
      tenantId,
    })
  return presentTimeLimits(deps, tenantId)
}
