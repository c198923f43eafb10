import '@nutui/nutui-react-taro/dist/es/packages/circleprogress/style/css'
export { CircleProgress } from '@nutui/nutui-react-taro'
