import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error a plain .mjs script without types
import { planUpload } from '../../miniapp/scripts/weappUploadPlan.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const miniapp = path.join(root, 'miniapp')
type Plan = { ok: true; args: string[]; printable: string } | { ok: false; problems: string[] }
const plan = planUpload as (env: Record<string, string>, argv: string[], dir: string) => Plan

describe('npm run weapp:upload (miniprogram-ci) is configured', () => {
  it('names every missing setting instead of trying to upload', () => {
    const result = plan({}, [], miniapp)
    expect(result.ok).toBe(false)
    expect((result as { problems: string[] }).problems.join('\n')).toMatch(
      /WEAPP_APPID[\s\S]*WEAPP_PRIVATE_KEY_PATH/,
    )
    const cli = (() => {
      try {
        execFileSync('node', [path.join(miniapp, 'scripts/weapp-upload.mjs')], {
          env: { PATH: process.env.PATH },
          stdio: 'pipe',
        })
        return { status: 0, stderr: '' }
      } catch (error) {
        const failed = error as { status: number; stderr: Buffer }
        return { status: failed.status, stderr: String(failed.stderr) }
      }
    })()
    expect(cli.status).toBe(2)
    expect(cli.stderr).toContain('WEAPP_APPID is not set')
  })

  it('uploads the built dist/weapp with the key, AppID, version and robot given', () => {
    const key = path.join(mkdtempSync(path.join(os.tmpdir(), 'weapp-key-')), 'private.key')
    writeFileSync(key, '-----BEGIN RSA PRIVATE KEY-----\n')
    const env = {
      WEAPP_APPID: 'wx0123456789abcdef',
      WEAPP_PRIVATE_KEY_PATH: key,
      WEAPP_VERSION: '1.4.0',
      WEAPP_ROBOT: '3',
    }
    const upload = plan(env, [], miniapp) as { ok: true; args: string[]; printable: string }
    expect(upload.ok).toBe(true)
    expect(upload.args.slice(0, 3)).toEqual(['--yes', 'miniprogram-ci@2.1.42', 'upload'])
    expect(upload.args).toEqual(
      expect.arrayContaining([
        '--pp',
        path.join(miniapp, 'dist/weapp'),
        '--appid',
        'wx0123456789abcdef',
        '--uv',
        '1.4.0',
        '-r',
        '3',
      ]),
    )
    expect(upload.printable).not.toContain(key) // the key's path is not printed
    const preview = plan(env, ['--preview'], miniapp) as { ok: true; args: string[] }
    expect(preview.args[2]).toBe('preview')
    expect(preview.args).toContain('--qrcode-output-dest')
    expect(plan({ ...env, WEAPP_APPID: 'touristappid' }, [], miniapp).ok).toBe(false)
  })
})
