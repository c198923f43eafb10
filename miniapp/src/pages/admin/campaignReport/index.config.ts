export default definePageConfig({ navigationBarTitleText: '走访活动报告' })
