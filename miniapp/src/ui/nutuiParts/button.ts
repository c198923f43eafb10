import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
export { Button } from '@nutui/nutui-react-taro'
