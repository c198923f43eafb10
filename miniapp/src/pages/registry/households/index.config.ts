export default definePageConfig({ navigationBarTitleText: '民情档案' })
