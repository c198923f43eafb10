// NutUI components used by the app, each with its own stylesheet only: the full style.css
// would add ~220 KB to every package.
//
// One module per component (nutuiParts/), each importing its own stylesheet, and this file only
// re-exports them (the H5 build treats it as free of side effects, see miniapp/config/index.ts):
// a page then loads only the components it uses. While this file itself imported every
// stylesheet, webpack kept all its re-exports for every page, so the login page loaded TextArea
// and Switch and with them Taro's Stencil runtime (~55 KB of script to parse on every page).
export { Button } from './nutuiParts/button'
export { Cell } from './nutuiParts/cell'
export { CircleProgress } from './nutuiParts/circleProgress'
export { Grid } from './nutuiParts/grid'
export { Input } from './nutuiParts/input'
export { Progress } from './nutuiParts/progress'
export { Tag } from './nutuiParts/tag'
export { TextArea } from './nutuiParts/textArea'
// Our own empty state (its picture ships with the app) and a switch with a valid ARIA role in H5.
export { EmptyState as Empty } from '../components/EmptyState'
export { Switch } from './Switch'
