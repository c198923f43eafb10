import { myTenantResponseSchema, roles, tenantListResponseSchema } from '@minqing/shared'
import { defineRoute } from '../http/defineRoute'
import { TenantModel } from './tenant.model'
import { tenantLabel } from './tenantById'

export const tenantRoutes = [
  defineRoute({
    method: 'get',
    path: '/tenants',
    access: 'public',
    summary: 'The enabled districts (code and name, by code): which district a resident’s link names',
    response: tenantListResponseSchema,
    handler: async () => ({
      tenants: (
        await TenantModel.find({ disabled: { $ne: true } }, { code: 1, name: 1 })
          .sort({ code: 1, _id: 1 })
          .lean()
      ).map((tenant) => ({ code: tenant.code, name: tenant.name })),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/tenants/mine',
    access: roles,
    summary: "The signed-in account's district; null at city level (and for residents, who belong to none)",
    response: myTenantResponseSchema,
    handler: async (_ctx, { viewer }) => {
      const label = viewer.tenantId ? await tenantLabel(viewer.tenantId) : null
      return { tenant: label ? { code: label.code, name: label.name } : null }
    },
  }),
]
