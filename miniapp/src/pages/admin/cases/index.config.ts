export default definePageConfig({ navigationBarTitleText: '诉求台账' })
