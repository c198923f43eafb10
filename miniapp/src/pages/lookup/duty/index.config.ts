export default definePageConfig({ navigationBarTitleText: '开门接访公示' })
