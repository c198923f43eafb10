export default definePageConfig({ navigationBarTitleText: '回音壁' })
