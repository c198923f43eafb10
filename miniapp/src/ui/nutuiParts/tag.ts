import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'
export { Tag } from '@nutui/nutui-react-taro'
