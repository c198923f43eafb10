export default definePageConfig({ navigationBarTitleText: '整改报告' })
