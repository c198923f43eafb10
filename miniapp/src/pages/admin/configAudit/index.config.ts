export default definePageConfig({ navigationBarTitleText: '配置变更记录' })
