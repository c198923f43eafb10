export default definePageConfig({ navigationBarTitleText: '受理登记' })
