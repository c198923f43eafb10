export default defineAppConfig({
  pages: ['pages/home/index', 'pages/login/index', 'pages/profile/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '民情通',
    navigationBarTextStyle: 'white',
  },
})
