import type { OrgActivation, OrgImportResponse } from '@minqing/shared'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { downloadLedger } from '../../../admin/downloadLedger'
import { messageOf, useLoader } from '../../../admin/useLoader'
import { fetchUnits } from '../../../api/cases'
import { chooseXlsx, uploadOrgFile } from '../../../api/orgImport'
import { ConsoleShell } from '../../../components/ConsoleShell'
import { DataTable } from '../../../components/DataTable'
import { UnitPicker, unitPathName } from '../../../components/UnitPicker'
import { Button } from '../../../ui/nutui'
import '../cases/index.css'
import './index.css'

interface ErrorRow {
  key: string
  sheet: string
  row: number
  field: string
  message: string
}

const errorRows = (result: OrgImportResponse): ErrorRow[] =>
  result.errors.flatMap((error) =>
    error.issues.map((issue, index) => ({ key: `${error.sheet}-${error.row}-${index}`, ...error, ...issue })),
  )

/**
 * 批量导入: the template, the unit the file's units go under, a dry run (校验) listing every row
 * error, then the import and how each new person logs in the first time.
 */
export default function OrgImportPage() {
  const router = useRouter()
  const units = useLoader(fetchUnits, [])
  const list = units.data ?? []
  const [parentId, setParentId] = useState<string | null>(router.params.parentId ?? null)
  const [file, setFile] = useState<{ path: string; name: string } | null>(null)
  const [checked, setChecked] = useState<OrgImportResponse | null>(null)
  const [done, setDone] = useState<OrgImportResponse | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const parent = list.find((unit) => unit.id === parentId)

  const download = async (path: string) => {
    try {
      await downloadLedger(path, () => undefined)
    } catch (error) {
      setMessage(messageOf(error))
    }
  }
  const choose = async () => {
    const picked = await chooseXlsx().catch(() => null)
    if (!picked) return
    setFile(picked)
    setChecked(null)
    setDone(null)
    setMessage('')
  }
  const send = async (dryRun: boolean) => {
    if (!file || !parentId) return
    setBusy(true)
    setMessage('')
    try {
      const result = await uploadOrgFile(file.path, parentId, dryRun)
      if (dryRun) setChecked(result)
      else {
        setDone(result)
        setChecked(null)
        setFile(null)
        void units.reload()
      }
    } catch (error) {
      setMessage(messageOf(error))
    } finally {
      setBusy(false)
    }
  }
  const problems = checked ? errorRows(checked) : []
  const ready = Boolean(checked && !checked.errors.length)

  return (
    <ConsoleShell page="orgImport" title="批量导入单位与人员">
      <View className="org-import-step">
        <Text className="org-import-step-title">第一步：下载模板并填写</Text>
        <Text className="org-import-hint">
          模板有“单位”“人员”两张表和填写说明。手机号就是登录账号；不填密码，导入后系统为每人生成一次性临时密码。
        </Text>
        <View className="org-import-buttons">
          <Button
            className="org-import-template"
            size="small"
            onClick={() => void download('/imports/org/template.xlsx')}
          >
            下载模板
          </Button>
          {parentId && (
            <Button size="small" onClick={() => void download(`/exports/org.xlsx?unitId=${parentId}`)}>
              导出所选单位下的现有单位与人员
            </Button>
          )}
        </View>
      </View>

      <View className="org-import-step">
        <Text className="org-import-step-title">第二步：选择上级单位</Text>
        <Text className="org-import-hint">表中“上级单位”“所属单位”留空的，都放在这个单位之下。</Text>
        <UnitPicker
          className="org-import-parent"
          units={list}
          value={parentId}
          onChange={(id) => {
            setParentId(id)
            setChecked(null)
          }}
        />
      </View>

      <View className="org-import-step">
        <Text className="org-import-step-title">第三步：选择文件，先校验再导入</Text>
        <View className="org-import-buttons">
          <Button className="org-import-choose" size="small" onClick={() => void choose()}>
            {file ? '重新选择文件' : '选择文件（.xlsx）'}
          </Button>
          <Text className="org-import-file">{file ? file.name : '未选择文件'}</Text>
        </View>
        <View className="org-import-buttons">
          <Button
            className="org-import-check"
            size="small"
            disabled={!file || !parentId || busy}
            onClick={() => void send(true)}
          >
            校验
          </Button>
          <Button
            className="org-import-run"
            size="small"
            type="primary"
            disabled={!ready || busy}
            onClick={() => void send(false)}
          >
            导入
          </Button>
        </View>
        {!parentId && <Text className="org-import-hint">请先选择上级单位。</Text>}
      </View>

      {message && <Text className="review-message org-import-message">{message}</Text>}

      {checked && checked.errors.length > 0 && (
        <View className="org-import-result">
          <Text className="org-import-bad">
            校验未通过：{checked.errors.length}{' '}
            行有问题，整个文件都没有导入。请改正下表各行后重新选择文件校验。
          </Text>
          <DataTable<ErrorRow>
            className="org-import-errors"
            rows={problems}
            rowKey={(row) => row.key}
            columns={[
              { key: 'sheet', title: '工作表', render: (row) => row.sheet },
              { key: 'row', title: '行', grow: 0.5, render: (row) => `第${row.row}行` },
              { key: 'field', title: '列', render: (row) => row.field },
              { key: 'message', title: '问题', grow: 4, render: (row) => row.message },
            ]}
          />
        </View>
      )}
      {ready && checked && (
        <Text className="org-import-good">
          校验通过：将在「{parent ? unitPathName(parent, list) : ''}」下导入 {checked.imported.units} 个单位、
          {checked.imported.users} 名人员。请点“导入”。
        </Text>
      )}

      {done && (
        <View className="org-import-result">
          <Text className="org-import-good">
            已导入 {done.imported.units} 个单位、{done.imported.users} 名人员。
          </Text>
          {done.activations.length > 0 && (
            <>
              <Text className="org-import-hint">
                每人用手机号和下表的临时密码登录，登录后须设置新密码。临时密码只显示这一次，请当面或电话告知本人，不要群发。
              </Text>
              <DataTable<OrgActivation>
                className="org-import-activations"
                rows={done.activations}
                rowKey={(row) => row.userId}
                columns={[
                  { key: 'name', title: '姓名', render: (row) => row.name },
                  { key: 'phone', title: '登录手机号', grow: 1.3, render: (row) => row.phone },
                  {
                    key: 'unit',
                    title: '所属单位',
                    grow: 2,
                    render: (row) => row.unit || (parent?.name ?? ''),
                  },
                  { key: 'role', title: '角色', render: (row) => row.role },
                  {
                    key: 'password',
                    title: '临时密码',
                    grow: 1.4,
                    render: (row) => <Text className="org-import-password">{row.temporaryPassword}</Text>,
                  },
                ]}
              />
            </>
          )}
          <Button size="small" onClick={() => void Taro.redirectTo({ url: '/pages/admin/units/index' })}>
            到“单位与用户”查看
          </Button>
        </View>
      )}
    </ConsoleShell>
  )
}
