/**
 * F2 in H5, fetched when a chart is drawn: it is half a megabyte of script, and the dashboard's
 * figures and tables (its largest paint) need none of it. Taro picks `.h5.ts` over `.ts` in H5.
 */
export const loadF2 = () => import('@antv/f2')
