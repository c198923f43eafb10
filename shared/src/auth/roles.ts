import { z } from 'zod'

export const roles = ['resident', 'staff', 'handler', 'leader', 'admin', 'operator'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>

/** Roles that work inside a unit (everyone but residents). */
export const unitRoles = ['staff', 'handler', 'leader', 'admin'] as const satisfies readonly Role[]

export const roleLabels: Record<Role, string> = {
  resident: '群众',
  staff: '干部/网格员',
  handler: '承办人',
  leader: '领导',
  admin: '管理员',
  operator: '受理员（热线/窗口）',
}

/** A staff member's position decides their visit quota (bureau leaders visit the most). */
export const positionLevels = ['bureauLeader', 'unitLeader', 'cadre'] as const
export const positionLevelSchema = z.enum(positionLevels)
export type PositionLevel = z.infer<typeof positionLevelSchema>

export const positionLevelLabels: Record<PositionLevel, string> = {
  bureauLeader: '局级领导',
  unitLeader: '单位领导',
  cadre: '干部',
}
