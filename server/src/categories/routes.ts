import { defineRoute } from '../http/defineRoute'
import { categoryTree } from './categoryTree'

export const categoryRoutes = [
  defineRoute({
    method: 'get',
    path: '/categories',
    access: 'public',
    summary: 'The category tree; every node has a stable code',
    handler: async () => ({ categories: await categoryTree() }),
  }),
]
