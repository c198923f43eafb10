export default definePageConfig({ navigationBarTitleText: '问答库' })
