export default definePageConfig({ navigationBarTitleText: '问计于民' })
