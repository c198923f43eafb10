import '@nutui/nutui-react-taro/dist/es/packages/grid/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/griditem/style/css'
export { Grid } from '@nutui/nutui-react-taro'
