import { orgImportResponseSchema } from '@minqing/shared'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildUnit, buildUser, loginAs, uniquePhone } from '../../test/factories'
import { testApp } from '../../test/testApp'
import { ConfigChangeModel } from '../audit/configChange.model'
import { UnitModel } from '../units/unit.model'
import { IdentityModel } from '../users/identity.model'
import { UserModel } from '../users/user.model'
import { importOrg } from './importOrg'
import { OrgExportViewModel } from './orgExportView.model'
import { readOrgWorkbook } from './readOrgWorkbook'

const unitHeader = ['单位名称', '上级单位', '类型']
const userHeader = ['姓名', '手机号', '角色', '所属单位', '职务级别']

async function orgFile(units: string[][], users: string[][], sheets = ['单位', '人员']): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const unitSheet = book.addWorksheet(sheets[0]!)
  for (const row of [unitHeader, ...units]) unitSheet.addRow(row)
  const userSheet = book.addWorksheet(sheets[1]!)
  for (const row of [userHeader, ...users]) userSheet.addRow(row)
  return Buffer.from(await book.xlsx.writeBuffer())
}

async function sheetsOf(buffer: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(buffer as unknown as ArrayBuffer)
  return Object.fromEntries(
    book.worksheets.map((sheet) => [
      sheet.name,
      sheet
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1).map((value) => value ?? '')),
    ]),
  ) as Record<string, unknown[][]>
}

async function world() {
  const app = testApp()
  const admin = await buildUser({ role: 'admin' })
  const adminAuth = { Authorization: `Bearer ${(await loginAs(app.request, admin)).accessToken}` }
  const district = await buildUnit({ level: 'district', name: `区${uniquePhone().slice(-6)}` })
  const street = await buildUnit({ level: 'street', parentId: district.id, name: '东街道' })
  const community = await buildUnit({ level: 'community', parentId: street.id, name: '东社区' })
  const leader = await buildUser({ role: 'leader', unitId: district.id })
  const leaderAuth = { Authorization: `Bearer ${(await loginAs(app.request, leader)).accessToken}` }
  const post = (file: Buffer, query: string) =>
    app.request
      .post(`/api/v1/imports/org?${query}`)
      .set(adminAuth)
      .attach('file', file, { filename: '单位人员.xlsx' })
  return { ...app, admin, adminAuth, leaderAuth, district, street, community, post }
}

const unitsBelow = async (id: string) => UnitModel.countDocuments({ path: id })

describe('bulk import of units and staff', { timeout: 180_000 }, () => {
  it('offers a template with the two sheets, Chinese headers and a guide; its example rows are refused as they are', async () => {
    const { request, adminAuth, district, post } = await world()
    const response = await request
      .get('/api/v1/imports/org/template.xlsx')
      .set(adminAuth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toContain('spreadsheetml')
    const sheets = await sheetsOf(response.body as Buffer)
    expect(Object.keys(sheets)).toEqual(['单位', '人员', '填写说明'])
    expect(sheets['单位']![0]).toEqual(unitHeader)
    expect(sheets['人员']![0]).toEqual(userHeader)
    expect(sheets['单位']).toHaveLength(2)
    expect(sheets['人员']).toHaveLength(2)
    expect(String(sheets['填写说明']!.flat().join('\n'))).toContain('临时密码')
    const asIs = await post(response.body as Buffer, `parentId=${district.id}&dryRun=true`)
    expect(asIs.body.errors).toEqual([
      {
        sheet: '单位',
        row: 2,
        issues: [{ field: '单位名称', message: '这是模板中的示例行，请删除或改成真实单位' }],
      },
      {
        sheet: '人员',
        row: 2,
        issues: [{ field: '姓名', message: '这是模板中的示例行，请删除或改成真实人员' }],
      },
    ])
  })

  it('reports every bad row of both sheets, each kind of error, and imports nothing from such a file', async () => {
    const { district, street, post } = await world()
    const taken = await buildUser({ role: 'staff', unitId: street.id })
    const phone = uniquePhone()
    const file = await orgFile(
      [
        ['西街道', '', '街道'], // row 2: fine
        ['西社区', '西街道', '社区'], // row 3: fine, its parent is new in this file
        ['东社区', '东街道', '社区/村'], // row 4: already under 东街道
        ['北社区', '南街道', '社区'], // row 5: unknown parent
        ['西社区', '西街道', '社区'], // row 6: same name twice under one parent
        ['西网格', '西街道', '星球'], // row 7: unknown type
        ['民政局', '东街道', '区县'], // row 8: a district cannot sit under a street
        ['', '', '街道'], // row 9: no name
        ['甲', '乙', '社区'], // rows 10-11: a cycle
        ['乙', '甲', '社区'],
        ['坏/名字', '', '街道'], // row 12: a slash in a name
      ],
      [
        ['王一', phone, '干部/网格员', '西社区', ''], // row 2: 西社区 is twice in the file
        ['王二', phone, '领导', '西街道', '单位领导'], // row 3: phone twice in the file
        ['王三', taken.phone!, '承办人', '', ''], // row 4: phone already has an account
        ['王四', '12345', '书记', '火星', '部长'], // row 5: bad phone, role, unit, position
        ['', uniquePhone(), '', '', ''], // row 6: no name, no role
        ['王六', uniquePhone(), '群众', '', ''], // row 7: residents are not imported
      ],
    )
    for (const dryRun of ['true', 'false']) {
      const answer = await post(file, `parentId=${district.id}&dryRun=${dryRun}`)
      expect(answer.status).toBe(200)
      expect(orgImportResponseSchema.parse(answer.body)).toMatchObject({ imported: { units: 0, users: 0 } })
      const roleChoices = '可填：干部/网格员、承办人、领导、受理员（热线/窗口）、管理员'
      expect(answer.body.errors).toEqual([
        { sheet: '单位', row: 4, issues: [{ field: '单位名称', message: '「东街道」下已有单位「东社区」' }] },
        {
          sheet: '单位',
          row: 5,
          issues: [
            {
              field: '上级单位',
              message: `「南街道」不存在：既不在「${district.name}」之下，也不在本文件的“单位”表中`,
            },
          ],
        },
        {
          sheet: '单位',
          row: 6,
          issues: [{ field: '单位名称', message: '与第3行重复：同一上级下单位名称不能相同' }],
        },
        {
          sheet: '单位',
          row: 7,
          issues: [
            {
              field: '类型',
              message: '类型「星球」不存在（可填：市、区县、街道/乡镇、社区/村、网格、职能部门）',
            },
          ],
        },
        {
          sheet: '单位',
          row: 8,
          issues: [{ field: '类型', message: '「区县」不能建在「街道/乡镇」（东街道）之下' }],
        },
        { sheet: '单位', row: 9, issues: [{ field: '单位名称', message: '单位名称为空' }] },
        {
          sheet: '单位',
          row: 10,
          issues: [{ field: '上级单位', message: '上级单位形成循环（几个单位互为上级）' }],
        },
        {
          sheet: '单位',
          row: 11,
          issues: [{ field: '上级单位', message: '上级单位形成循环（几个单位互为上级）' }],
        },
        {
          sheet: '单位',
          row: 12,
          issues: [{ field: '单位名称', message: '单位名称不能包含“/”（“/”用来分隔上级路径）' }],
        },
        {
          sheet: '人员',
          row: 2,
          issues: [
            { field: '所属单位', message: '「西社区」有重名，请写从所选单位起的完整路径（如：街道/社区）' },
          ],
        },
        { sheet: '人员', row: 3, issues: [{ field: '手机号', message: '手机号与第2行重复' }] },
        {
          sheet: '人员',
          row: 4,
          issues: [{ field: '手机号', message: '该手机号已有账号（一个手机号只能登录一个账号）' }],
        },
        {
          sheet: '人员',
          row: 5,
          issues: [
            { field: '手机号', message: '手机号应为11位手机号码' },
            { field: '角色', message: `角色「书记」不存在（${roleChoices}）` },
            {
              field: '所属单位',
              message: `「火星」不存在：既不在「${district.name}」之下，也不在本文件的“单位”表中`,
            },
            { field: '职务级别', message: '职务级别「部长」不存在（可填：局级领导、单位领导、干部）' },
          ],
        },
        {
          sheet: '人员',
          row: 6,
          issues: [
            { field: '姓名', message: '姓名为空' },
            { field: '角色', message: `角色为空（${roleChoices}）` },
          ],
        },
        {
          sheet: '人员',
          row: 7,
          issues: [{ field: '角色', message: `角色「群众」不存在（${roleChoices}）` }],
        },
      ])
    }
    expect(await unitsBelow(district.id)).toBe(2) // 东街道, 东社区: nothing added
    expect(await UserModel.countDocuments({ phone })).toBe(0)
  })

  it('validates only on dryRun, then imports units (parents named later in the file too) and staff who activate with a one-time password', async () => {
    const { request, district, street, post, admin, logLines } = await world()
    const [one, two, three] = [uniquePhone(), uniquePhone(), uniquePhone()]
    const file = await orgFile(
      [
        ['南一网格', `${district.name}/南街道/南社区`, '网格'], // a path, naming the chosen unit first
        ['南社区', '南街道', '社区'], // its parent comes in the next row
        ['南街道', '', '街道/乡镇'],
        ['南社区', '东街道', '社区'], // the same name under another parent is fine
        ['应急局', '', '职能部门'],
      ],
      [
        ['李一', one, '干部', '南街道/南社区/南一网格', ''],
        ['李二', two, '承办人', '应急局', '单位领导'],
        ['李三', three, '领导', '', '局级领导'],
      ],
    )
    const dry = await post(file, `parentId=${district.id}&dryRun=true`)
    expect(dry.body).toEqual({ dryRun: true, imported: { units: 5, users: 3 }, errors: [], activations: [] })
    expect(await unitsBelow(district.id)).toBe(2)
    expect(await IdentityModel.countDocuments({ key: { $in: [one, two, three] } })).toBe(0)

    const real = await post(file, `parentId=${district.id}`)
    expect(real.status).toBe(200)
    expect(real.body).toMatchObject({ dryRun: false, imported: { units: 5, users: 3 }, errors: [] })
    const south = await UnitModel.findOne({ parentId: district._id, name: '南街道' })
    const community = await UnitModel.findOne({ parentId: south!._id, name: '南社区' })
    const grid = await UnitModel.findOne({ parentId: community!._id, name: '南一网格' })
    expect(grid).toMatchObject({ level: 'grid' })
    expect(grid!.path.map(String)).toEqual([district.id, south!.id, community!.id])
    expect(await UnitModel.exists({ parentId: street._id, name: '南社区' })).toBeTruthy()
    const li = await UserModel.findOne({ phone: one })
    expect(li).toMatchObject({ role: 'staff', positionLevel: 'cadre', mustChangePassword: true })
    expect(String(li!.unitId)).toBe(grid!.id)
    expect(await UserModel.findOne({ phone: three })).toMatchObject({
      role: 'leader',
      positionLevel: 'bureauLeader',
    })
    expect(String((await UserModel.findOne({ phone: three }))!.unitId)).toBe(district.id)

    // How each person activates: a one-time password that only serves to choose a new one.
    const activation = real.body.activations.find((item: { phone: string }) => item.phone === one)
    expect(activation).toMatchObject({ name: '李一', unit: '南街道/南社区/南一网格', role: '干部/网格员' })
    const login = await request
      .post('/api/v1/auth/login')
      .send({ phone: one, password: activation.temporaryPassword })
    expect(login.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    const changed = await request.post('/api/v1/auth/password').send({
      phone: one,
      currentPassword: activation.temporaryPassword,
      newPassword: 'a-new-long-passphrase-7',
    })
    expect(changed.status).toBeLessThan(300)
    // Each created record is in the configuration audit, by the admin, as an import.
    expect(await ConfigChangeModel.countDocuments({ action: 'import', actorId: admin._id })).toBe(8)
    // The answer is not logged: no temporary password or phone in the log lines.
    const log = logLines.join('')
    expect(log).toContain('org import')
    expect(log.includes(activation.temporaryPassword) || log.includes(one)).toBe(false)
  })

  it('undoes what it wrote when a write fails part-way (a phone taken between validation and writing)', async () => {
    const { deps, district } = await world()
    const [one, two, three] = [uniquePhone(), uniquePhone(), uniquePhone()]
    const file = await orgFile(
      [
        ['回滚街道', '', '街道'],
        ['回滚社区', '回滚街道', '社区'],
      ],
      [
        ['赵一', one, '干部', '回滚社区', ''],
        ['赵二', two, '干部', '回滚街道', ''],
        ['赵三', three, '干部', '', ''],
      ],
    )
    const sheets = await readOrgWorkbook(file)
    let intruder: Awaited<ReturnType<typeof buildUser>> | undefined
    const attempt = importOrg(deps, { userId: String(district._id), role: 'admin', unitId: null }, sheets, {
      parentId: district.id,
      dryRun: false,
      // Someone registers the third person's phone after the check passed.
      afterValidate: async () => {
        intruder = await buildUser({ role: 'staff', unitId: district.id, phone: three })
      },
    })
    await expect(attempt).rejects.toMatchObject({ code: 'ORG_IMPORT_UNDONE', status: 409 })
    expect(await unitsBelow(district.id)).toBe(2) // 东街道, 东社区 only
    expect(await UnitModel.countDocuments({ name: { $in: ['回滚街道', '回滚社区'] } })).toBe(0)
    expect(await UserModel.countDocuments({ phone: { $in: [one, two] } })).toBe(0)
    expect(await IdentityModel.countDocuments({ key: { $in: [one, two] } })).toBe(0)
    // The other person's account is untouched.
    expect(await IdentityModel.countDocuments({ key: three, userId: intruder!._id })).toBe(1)
  })

  it('exports units and staff that import back unchanged; each export is logged; only admins', async () => {
    const { request, adminAuth, leaderAuth, admin, district, street, community, post } = await world()
    await buildUnit({ level: 'department', parentId: district.id, name: '司法局' })
    const stopped = await buildUnit({ level: 'grid', parentId: community.id, name: '旧网格' })
    await UnitModel.updateOne({ _id: stopped._id }, { $set: { disabled: true } })
    const people = [
      await buildUser({ role: 'staff', unitId: community.id, name: '孙一', positionLevel: 'cadre' }),
      await buildUser({ role: 'handler', unitId: street.id, name: '孙二' }),
      await buildUser({ role: 'leader', unitId: district.id, name: '孙三', positionLevel: 'bureauLeader' }),
    ]
    const gone = await buildUser({ role: 'staff', unitId: street.id, name: '孙四' })
    await UserModel.updateOne({ _id: gone._id }, { $set: { disabled: true } })
    const download = (auth: Record<string, string>) =>
      request
        .get(`/api/v1/exports/org.xlsx?unitId=${district.id}`)
        .set(auth)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => done(null, Buffer.concat(chunks)))
        })
    expect((await download(leaderAuth)).status).toBe(403)
    expect(await OrgExportViewModel.countDocuments({ unitId: district._id })).toBe(0)
    const exported = await download(adminAuth)
    expect(exported.status).toBe(200)
    const sheets = await sheetsOf(exported.body as Buffer)
    expect(sheets['单位']).toEqual([
      unitHeader,
      ['东街道', '', '街道/乡镇'],
      ['司法局', '', '职能部门'],
      ['东社区', '东街道', '社区/村'],
    ])
    const leaderRow = sheets['人员']!.find((row) => row[0] === '孙三')
    expect(leaderRow).toEqual(['孙三', people[2]!.phone, '领导', '', '局级领导'])
    expect(sheets['人员']!.find((row) => row[0] === '孙一')).toEqual([
      '孙一',
      people[0]!.phone,
      '干部/网格员',
      '东街道/东社区',
      '干部',
    ])
    expect(sheets['人员']!.some((row) => row[0] === '孙四')).toBe(false)
    const views = await OrgExportViewModel.find({ unitId: district._id }).lean()
    expect(views).toHaveLength(1)
    expect(views[0]).toMatchObject({ viewerRole: 'admin', fields: ['name', 'phone'] })
    expect(String(views[0]!.viewerId)).toBe(admin.id)
    const listed = await request.get('/api/v1/audit/org-exports').set(adminAuth)
    expect(listed.body.items[0]).toMatchObject({ unitId: district.id, viewerId: admin.id })
    expect((await request.get('/api/v1/audit/org-exports').set(leaderAuth)).status).toBe(403)

    // Round trip: a new deployment (the staff's phones free again) under an empty unit.
    const staffIds = (
      await UserModel.find({ unitId: { $in: [district._id, street._id, community._id] } })
    ).map((user) => user._id)
    await IdentityModel.deleteMany({ userId: { $in: staffIds } })
    await UserModel.deleteMany({ _id: { $in: staffIds } })
    const fresh = await buildUnit({ level: 'district', name: `新区${uniquePhone().slice(-6)}` })
    const dry = await post(exported.body as Buffer, `parentId=${fresh.id}&dryRun=true`)
    expect(dry.body).toMatchObject({ errors: [], imported: { units: 3, users: sheets['人员']!.length - 1 } })
    const real = await post(exported.body as Buffer, `parentId=${fresh.id}`)
    expect(real.body.errors).toEqual([])
    const again = await request
      .get(`/api/v1/exports/org.xlsx?unitId=${fresh.id}`)
      .set(adminAuth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    const round = await sheetsOf(again.body as Buffer)
    expect(round['单位']).toEqual(sheets['单位'])
    expect([...round['人员']!].sort()).toEqual([...sheets['人员']!].sort())
  })

  it('refuses what is not an org import: other roles, no parent, a file without the sheets or columns, not xlsx', async () => {
    const { request, adminAuth, leaderAuth, district, post } = await world()
    const good = await orgFile([], [])
    const leader = await request
      .post(`/api/v1/imports/org?parentId=${district.id}`)
      .set(leaderAuth)
      .attach('file', good, { filename: 'a.xlsx' })
    expect(leader.status).toBe(403)
    expect((await request.get('/api/v1/imports/org/template.xlsx').set(leaderAuth)).status).toBe(403)
    const noParent = await request
      .post('/api/v1/imports/org')
      .set(adminAuth)
      .attach('file', good, { filename: 'a.xlsx' })
    expect(noParent.status).toBe(400)
    expect(noParent.body.error.issues[0]).toMatchObject({ path: 'parentId' })
    const unknownParent = await post(good, 'parentId=0123456789abcdef01234567')
    expect(unknownParent.status).toBe(400)
    expect(unknownParent.body.error.issues[0]).toMatchObject({ path: 'parentId', code: 'not_found' })
    const wrongSheets = await post(await orgFile([], [], ['Sheet1', 'Sheet2']), `parentId=${district.id}`)
    expect(wrongSheets.status).toBe(400)
    expect(wrongSheets.body.error.code).toBe('IMPORT_SHEETS_MISSING')
    const book = new ExcelJS.Workbook()
    book.addWorksheet('单位').addRow(['单位名称', '类型'])
    book.addWorksheet('人员').addRow(['姓名', '手机号', '角色', '所属单位', '职务级别'])
    const missing = await post(Buffer.from(await book.xlsx.writeBuffer()), `parentId=${district.id}`)
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({
      code: 'ORG_IMPORT_COLUMNS_MISSING',
      details: { missing: ['单位.上级单位'] },
    })
    const csv = await post(Buffer.from('单位名称,上级单位,类型\n'), `parentId=${district.id}`)
    expect(csv.status).toBe(400)
    expect(csv.body.error.issues[0]).toMatchObject({ path: 'file', code: 'type' })
    const garbage = await post(Buffer.from('PK\u0003\u0004 not really a zip'), `parentId=${district.id}`)
    expect(garbage.status).toBe(400)
    expect(garbage.body.error.code).toBe('IMPORT_FILE_UNREADABLE')
  })
})
