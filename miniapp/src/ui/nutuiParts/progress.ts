import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css'
export { Progress } from '@nutui/nutui-react-taro'
