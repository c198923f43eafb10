export default definePageConfig({ navigationBarTitleText: '诉求列表', enablePullDownRefresh: true })
