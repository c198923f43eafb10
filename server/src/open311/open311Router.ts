import {
  AppError,
  openStatuses,
  phoneSchema,
  withoutControlCharacters,
  type SubmitCaseInput,
} from '@minqing/shared'
import type { Context, Middleware } from 'koa'
import { createHash, randomBytes } from 'node:crypto'
import { residentFor } from '../auth/loginWithIdentity'
import { CaseEventModel } from '../cases/caseEvent.model'
import { CaseModel, type CaseDocument } from '../cases/case.model'
import { submitCase } from '../cases/submitCase'
import { CategoryModel } from '../categories/category.model'
import { categoriesOffered } from '../categories/categoryCatalogue'
import { ConfigChangeModel } from '../audit/configChange.model'
import { scopeFilter } from '../tenants/tenantScope'
import { jurisdictionOf, type Jurisdiction } from './jurisdiction'
import type { AppDeps } from '../http/deps'
import { UnitModel } from '../units/unit.model'
import { presentRequest, w3c } from './presentRequest'
import { Open311Error, render, renderError, XmlList, type Format } from './render'

const prefix = '/open311/v2/'
const day = 86_400_000

/** The API clients allowed to submit, from OPEN311_API_KEYS ("name:key,…"). */
function clientFor(deps: AppDeps, apiKey: unknown): string {
  if (typeof apiKey !== 'string' || !apiKey) throw new Open311Error(403, 'api_key is required')
  for (const pair of (deps.config.OPEN311_API_KEYS ?? '').split(',').filter(Boolean)) {
    const [name, key] = pair.split(':')
    if (key === apiKey) return name!
  }
  throw new Open311Error(403, 'api_key is invalid')
}

const text = (value: unknown) => (typeof value === 'string' ? withoutControlCharacters(value).trim() : '')
const number = (value: unknown) => {
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  return Number.isFinite(parsed) ? parsed : null
}

/**
 * The categories the district offers, split into services (what a report is filed under) and
 * groups (parents).
 */
async function catalogue(place: Jurisdiction) {
  const rows = await categoriesOffered(place.tenantId)
  const parents = new Set(rows.map((row) => row.parentCode).filter(Boolean))
  return { rows, groups: rows.filter((row) => parents.has(row.code)) }
}

async function services(place: Jurisdiction) {
  const { rows, groups } = await catalogue(place)
  const names = new Map(rows.map((row) => [row.code, row.name]))
  // A parent category is a GeoReport group: it names its children's `group`, it is not a service.
  return rows
    .filter((row) => !groups.includes(row))
    .map((row) => ({
      service_code: row.code,
      service_name: row.name,
      description: row.parentCode ? `${names.get(row.parentCode) ?? ''} / ${row.name}` : row.name,
      metadata: false,
      type: 'realtime',
      keywords: row.name,
      group: row.parentCode ? (names.get(row.parentCode) ?? row.parentCode) : row.name,
    }))
}

async function presentAll(ctx: Context, records: CaseDocument[]) {
  const [categories, units, notes] = await Promise.all([
    CategoryModel.find({ code: { $in: records.map((record) => record.categoryCode) } }, { code: 1, name: 1 }),
    UnitModel.find({ _id: { $in: records.map((record) => record.unitId).filter(Boolean) } }, { name: 1 }),
    CaseEventModel.find(
      { caseId: { $in: records.map((record) => record._id) }, public: true, message: { $ne: null } },
      { caseId: 1, seq: 1, message: 1 },
    ).sort({ seq: -1 }),
  ])
  const deps = ctx.deps as AppDeps
  return records.map((record) =>
    presentRequest(record, {
      serviceName: categories.find((row) => row.code === record.categoryCode)?.name ?? null,
      agency: units.find((unit) => String(unit._id) === String(record.unitId))?.name ?? null,
      statusNotes: notes.find((event) => String(event.caseId) === String(record._id))?.message ?? null,
      publicBaseUrl: deps.config.PUBLIC_BASE_URL,
      urlSecret: deps.urlSecret,
      now: deps.clock.now(),
    }),
  )
}

/**
 * The service discovery document GeoReport v2 requires (served at /open311/discovery and
 * /open311/v2/discovery). `changeset` moves when the service list changes, telling clients to
 * refresh cached definitions; the endpoint URL comes from PUBLIC_BASE_URL, never a request header.
 */
async function discovery(deps: AppDeps) {
  // A district hiding or showing a category changes its list without touching a category row;
  // every such change is in the configuration audit.
  const [latest, audited] = await Promise.all([
    CategoryModel.findOne({}, { updatedAt: 1 }).sort({ updatedAt: -1, _id: -1 }).lean(),
    ConfigChangeModel.findOne({ entityType: 'category' }, { at: 1 }).sort({ at: -1, _id: -1 }).lean(),
  ])
  const times = [(latest as { updatedAt?: Date } | null)?.updatedAt, audited?.at].filter(
    (time): time is Date => time instanceof Date,
  )
  const changed = w3c(new Date(Math.max(0, ...times.map((time) => time.getTime()))))
  return {
    changeset: changed,
    contact: `民情通 Open311 接口 (${deps.config.OPEN311_JURISDICTION})：联系本地管理员获取 api_key；jurisdiction_id 为区县代码（如 hedong），不填即默认区县 / ask the local administrator for an api_key; jurisdiction_id is the district code (e.g. hedong), omitted = the default district`,
    key_service: `${deps.config.PUBLIC_BASE_URL ?? ''}/open311/v2`,
    endpoints: new XmlList('endpoint', [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${deps.config.PUBLIC_BASE_URL ?? ''}/open311/v2`,
        changeset: changed,
        type: 'production',
        formats: new XmlList('format', ['text/xml', 'application/json']),
      },
    ]),
  }
}

/** GET requests: service_request_id (a comma list) overrides every other filter. */
async function listRequests(ctx: Context, query: Record<string, unknown>, place: Jurisdiction) {
  const district = scopeFilter({ tenantId: place.tenantId })
  const ids = text(query.service_request_id)
  if (ids) {
    const numbers = ids
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
      .slice(0, 1000)
    return CaseModel.find({ number: { $in: numbers }, ...district }).sort({ submittedAt: -1, _id: -1 })
  }
  const now = (ctx.deps as AppDeps).clock.now()
  const parseDate = (name: string) => {
    const value = text(query[name])
    if (!value) return null
    const date = new Date(value)
    if (Number.isNaN(date.getTime())) throw new Open311Error(400, `${name} is not a W3C date-time`)
    return date
  }
  const givenEnd = parseDate('end_date')
  const givenStart = parseDate('start_date')
  // The spec's default span is 90 days; a longer one is refused rather than silently cut.
  const end = givenEnd ?? (givenStart ? new Date(givenStart.getTime() + 90 * day) : now)
  const start = givenStart ?? new Date(end.getTime() - 90 * day)
  if (end.getTime() - start.getTime() > 90 * day)
    throw new Open311Error(400, 'start_date and end_date may be at most 90 days apart')
  if (end < start) throw new Open311Error(400, 'end_date is before start_date')
  const filter: Record<string, unknown> = {
    submittedAt: { $gte: start, $lte: end },
    mergedInto: null,
    ...district,
  }
  const codes = text(query.service_code)
  if (codes) filter.categoryCode = { $in: codes.split(',').map((code) => code.trim()) }
  const statuses = text(query.status)
    .split(',')
    .map((status) => status.trim())
    .filter(Boolean)
  if (statuses.some((status) => status !== 'open' && status !== 'closed'))
    throw new Open311Error(400, 'status must be open or closed')
  // The same open statuses the presenter maps to 'open' (presentRequest.open311Status).
  const openCases = [...openStatuses]
  if (statuses.length === 1) filter.status = statuses[0] === 'open' ? { $in: openCases } : { $nin: openCases }
  return CaseModel.find(filter).sort({ submittedAt: -1, _id: -1 }).limit(1000)
}

/** POST requests: form-encoded (or JSON) with api_key; files the report as a case, routed as usual. */
async function createRequest(ctx: Context, body: Record<string, unknown>, place: Jurisdiction) {
  const deps = ctx.deps as AppDeps
  const client = clientFor(deps, body.api_key)
  const serviceCode = text(body.service_code)
  if (!serviceCode) throw new Open311Error(400, 'service_code is required')
  // Only what the district offers: another district's own category, or one it hides, is unknown.
  const { rows, groups } = await catalogue(place)
  const category = rows.find((row) => row.code === serviceCode)
  if (!category) throw new Open311Error(404, `service_code ${serviceCode} not found`)
  if (groups.includes(category))
    throw new Open311Error(400, `service_code ${serviceCode} is a group: choose one of its services`)
  const lat = number(body.lat)
  const lng = number(body.long)
  const address = text(body.address_string)
  if ((lat === null || lng === null) && !address && !text(body.address_id))
    throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id')
  if (lat !== null && (lat < -90 || lat > 90)) throw new Open311Error(400, 'lat is out of range')
  if (lng !== null && (lng < -180 || lng > 180)) throw new Open311Error(400, 'long is out of range')
  const description = text(body.description)
  if (description.length > 4000) throw new Open311Error(400, 'description is longer than 4000 characters')
  const phone = phoneSchema.safeParse(text(body.phone))
  const summary = description || `${category.name}${address ? `：${address}` : ''}`
  const where = address || text(body.address_id)
  const input: SubmitCaseInput = {
    // A retried POST with the same device_id and text files nothing new.
    clientId: `o311-${createHash('sha256')
      .update(`${client}|${text(body.device_id) || randomBytes(8).toString('hex')}|${serviceCode}|${summary}`)
      .digest('hex')
      .slice(0, 40)}`,
    kind: 'help',
    categoryCode: serviceCode,
    title: summary.slice(0, 30).padEnd(2, '。'),
    description: summary.length >= 5 ? summary : `${summary}（经Open311提交）`,
    urgency: 'general',
    location:
      lat !== null && lng !== null
        ? { lat, lng, ...(where ? { address: where.slice(0, 200) } : {}) }
        : undefined,
    photos: [],
    contactPhone: phone.success ? phone.data : undefined,
    anonymous: false,
    publicConsent: false,
  }
  const user = await residentFor('open311', client, false, `Open311 ${client}`)
  try {
    const { record } = await submitCase(
      deps,
      { userId: String(user._id), role: 'resident', unitId: null },
      input,
      // Filed in the district addressed (absent: the default one), not the one the place lies in.
      { source: 'residentApp', tenantId: place.tenantId },
    )
    // The case exists at once, so the answer carries its id; the spec returns a token only
    // instead of an id (when a request cannot be created in real time).
    return [
      {
        service_request_id: record.number,
        service_notice: record.routing.reason ?? null,
        account_id: null,
      },
    ]
  } catch (error) {
    if (error instanceof AppError && error.status < 500)
      throw new Open311Error(400, error.messageEn ?? error.message)
    throw error
  }
}

/**
 * Open311 GeoReport v2 at /open311/v2/: services, service definitions, requests (list, one,
 * create) and tokens, each as .json or .xml, with the standard `[{code, description}]` errors.
 */
export function open311(): Middleware {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix) && !/^\/open311\/discovery\.(json|xml)$/.test(ctx.path)) return next()
    const match = /^(.*)\.(json|xml)$/.exec(ctx.path.slice(prefix.length))
    const format: Format = /\.xml$/.test(ctx.path) ? 'xml' : 'json'
    try {
      if (ctx.path.endsWith(`/discovery.${format}`) && ctx.method === 'GET')
        return render(ctx, format, 'discovery', 'endpoint', await discovery(ctx.deps as AppDeps))
      if (!match) throw new Open311Error(404, 'unknown resource: add .json or .xml')
      const [resource, ...rest] = match[1]!.split('/')
      const query = ctx.query as Record<string, unknown>
      const jurisdiction =
        text(query.jurisdiction_id) ||
        text((ctx.request.body as Record<string, unknown> | undefined)?.jurisdiction_id)
      const place = await jurisdictionOf(ctx.deps as AppDeps, jurisdiction)
      const id = rest.join('/')
      if (resource === 'services' && !id && ctx.method === 'GET')
        return render(ctx, format, 'services', 'service', await services(place))
      if (resource === 'services' && id && ctx.method === 'GET') {
        if (!(await services(place)).some((service) => service.service_code === id))
          throw new Open311Error(404, `service_code ${id} not found`)
        return render(ctx, format, 'service_definition', 'attribute', {
          service_code: id,
          attributes: new XmlList('attribute', []),
        })
      }
      if (resource === 'requests' && !id && ctx.method === 'GET')
        return render(
          ctx,
          format,
          'service_requests',
          'request',
          await presentAll(ctx, await listRequests(ctx, query, place)),
        )
      if (resource === 'requests' && !id && ctx.method === 'POST') {
        const created = await createRequest(ctx, (ctx.request.body ?? {}) as Record<string, unknown>, place)
        ctx.status = 201
        return render(ctx, format, 'service_requests', 'request', created)
      }
      if (resource === 'requests' && id && ctx.method === 'GET') {
        const record = await CaseModel.findOne({ number: id, ...scopeFilter({ tenantId: place.tenantId }) })
        if (!record) throw new Open311Error(404, `service_request_id ${id} not found`)
        return render(ctx, format, 'service_requests', 'request', await presentAll(ctx, [record]))
      }
      if (resource === 'tokens' && id && ctx.method === 'GET') {
        const record = await CaseModel.findOne(
          { clientId: id, ...scopeFilter({ tenantId: place.tenantId }) },
          { number: 1 },
        )
        if (!record) throw new Open311Error(404, `token ${id} not found`)
        return render(ctx, format, 'service_requests', 'request', [
          { service_request_id: record.number, token: id },
        ])
      }
      throw new Open311Error(404, 'unknown resource')
    } catch (error) {
      if (error instanceof Open311Error) return renderError(ctx, format, error)
      throw error
    }
  }
}
