import type { ConfigEntityType } from '@minqing/shared'
import type { Viewer } from '../http/defineRoute'
import type { AppDeps } from '../http/deps'
import { ConfigChangeModel } from './configChange.model'
import { configSnapshot } from './configSnapshot'

export interface ConfigChangeInput {
  entityType: ConfigEntityType
  entityId: string
  /** create, update, delete, or a named step (disable, move, import…). */
  action: string
  before?: unknown
  after?: unknown
  /** The district the change is about, when not the actor's (a city admin editing a district's settings). */
  tenantId?: string | null
}

const asPlain = (value: unknown) =>
  value && typeof (value as { toObject?: unknown }).toObject === 'function'
    ? (value as { toObject(): unknown }).toObject()
    : value

/**
 * Appends one configuration change to the audit (see configSnapshot for what is masked). Called
 * by each admin write route after its write: a failed audit write fails the request (the admin
 * sees an error and the change is logged below with ids only), never silently.
 */
export async function recordConfigChange(
  deps: AppDeps,
  actor: Viewer,
  change: ConfigChangeInput,
): Promise<void> {
  try {
    await ConfigChangeModel.create({
      // The actor's district (a city-level admin's changes: the default tenant's log).
      tenantId: (change.tenantId === undefined ? actor.tenantId : change.tenantId) ?? null,
      entityType: change.entityType,
      entityId: change.entityId,
      action: change.action,
      actorId: actor.userId,
      actorRole: actor.role,
      at: deps.clock.now(),
      before: configSnapshot(asPlain(change.before)),
      after: configSnapshot(asPlain(change.after)),
    })
  } catch (error) {
    deps.logger.error(
      { err: error, entityType: change.entityType, entityId: change.entityId, by: actor.userId },
      'configuration change not audited',
    )
    throw error
  }
}
