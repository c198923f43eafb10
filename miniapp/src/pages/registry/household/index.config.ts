export default definePageConfig({ navigationBarTitleText: '户档案' })
