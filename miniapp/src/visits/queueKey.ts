/** Where the visit queue is kept in the platform storage (wx storage / localStorage). */
export const visitQueueKey = 'minqing.visits.v1'
