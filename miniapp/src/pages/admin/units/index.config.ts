export default definePageConfig({ navigationBarTitleText: '单位与用户' })
