export default definePageConfig({ navigationBarTitleText: '整改问题' })
