/**
 * 派单依据 as a resident reads it. The stored reason is written for staff (rule names, "派单中心
 * 人工派单", keyword hits); a resident needs to know only what is happening to their case. Staff
 * keep the full reason (readableRoutingReason).
 */
export function residentRoutingText(routing: { kind: string; unitId: string | null }): string {
  if (!routing.unitId) return '正在为您确定承办单位'
  switch (routing.kind) {
    case 'rule':
    case 'model':
      return '按您反映的问题类别，交给负责的单位办理'
    case 'areaFallback':
      return '按问题发生的地点，交给属地街道（乡镇）办理'
    default:
      return '已由工作人员交给负责的单位办理'
  }
}
