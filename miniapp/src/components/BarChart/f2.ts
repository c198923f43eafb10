import * as F2 from '@antv/f2'

/** F2 for the mini-program: part of the admin subpackage already (no code splitting there). */
export const loadF2 = async (): Promise<typeof F2> => F2
