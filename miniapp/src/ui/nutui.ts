// NutUI components used by the app, each with its own stylesheet only: the full style.css
// would add ~220 KB to every package.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/grid/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/griditem/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/progress/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/circleprogress/style/css'

export { Button, Cell, CircleProgress, Grid, Input, Progress, Tag, TextArea } from '@nutui/nutui-react-taro'
// Our own empty state (its picture ships with the app) and a switch with a valid ARIA role in H5.
export { EmptyState as Empty } from '../components/EmptyState'
export { Switch } from './Switch'
