// Modules boot.ts only evaluates (it uses none of their exports), which ship no types.
declare module 'react-dom/client'
declare module '@tarojs/plugin-framework-react/dist/runtime'
