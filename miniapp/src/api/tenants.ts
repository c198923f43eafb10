import type { managedCategoriesResponseSchema, tenantListResponseSchema } from '@minqing/shared'
import type { z } from 'zod'
import { api } from './client'

export type PublicTenant = z.output<typeof tenantListResponseSchema>['tenants'][number]
export type ManagedCategory = z.output<typeof managedCategoriesResponseSchema>['items'][number]

/** The enabled districts (code, name): which district a resident's link names. */
export const fetchTenants = () =>
  api.get<z.output<typeof tenantListResponseSchema>>('/tenants').then((body) => body.tenants)

/** The categories this admin manages, each with what they may do to it (the server decides). */
export const fetchManagedCategories = () =>
  api.get<z.output<typeof managedCategoriesResponseSchema>>('/categories/managed').then((body) => body.items)

/** 本区隐藏 / 恢复 a city category for the admin's district. */
export const setCategoryHidden = (code: string, hidden: boolean) =>
  api.request('PUT', `/categories/${code}/visibility`, { body: { hidden } })
