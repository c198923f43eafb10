export default definePageConfig({ navigationBarTitleText: '走访进度' })
