export default definePageConfig({ navigationBarTitleText: '联系点与帮扶共建' })
