// Taro's H5 build reads the app's config from the file beside its entry, named <entry>.config: the
// entry is startup/entry/app.ts (see config/index.ts), the config stays where it always was.
export { default } from '../../app.config'
