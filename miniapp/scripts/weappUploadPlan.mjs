// What `npm run weapp:upload` (and `-- --preview`) runs: WeChat's official miniprogram-ci CLI on
// the built mini-program, configured from the environment. Kept pure so a test can check the
// configuration without reaching WeChat (which is not reachable from CI).
import { existsSync } from 'node:fs'
import path from 'node:path'

export const miniprogramCiVersion = '2.1.42'

const required = {
  WEAPP_APPID: 'the mini-program AppID (微信公众平台 → 开发管理 → 开发设置)',
  WEAPP_PRIVATE_KEY_PATH: 'the code-upload key file (小程序代码上传密钥), e.g. ./private.wx123.key',
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {string[]} argv
 * @param {string} miniappDir
 * @returns {{ ok: true, command: string, args: string[], printable: string } | { ok: false, problems: string[] }}
 */
export function planUpload(env, argv, miniappDir) {
  const problems = []
  for (const [name, what] of Object.entries(required))
    if (!env[name]) problems.push(`${name} is not set: ${what}`)
  if (env.WEAPP_APPID && !/^wx[0-9a-f]{16}$/.test(env.WEAPP_APPID))
    problems.push('WEAPP_APPID must look like wx followed by 16 hex characters')
  if (env.WEAPP_PRIVATE_KEY_PATH && !existsSync(env.WEAPP_PRIVATE_KEY_PATH))
    problems.push(`WEAPP_PRIVATE_KEY_PATH: no file at ${env.WEAPP_PRIVATE_KEY_PATH}`)
  const version = env.WEAPP_VERSION ?? process.env.npm_package_version ?? '0.1.0'
  if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push('WEAPP_VERSION must be like 1.2.3')
  const robot = env.WEAPP_ROBOT ?? '1'
  if (!/^([1-9]|[12]\d|30)$/.test(robot)) problems.push('WEAPP_ROBOT must be 1–30')
  if (problems.length) return { ok: false, problems }

  const preview = argv.includes('--preview')
  const projectPath = path.join(miniappDir, 'dist/weapp')
  const args = [
    '--yes',
    `miniprogram-ci@${miniprogramCiVersion}`,
    preview ? 'preview' : 'upload',
    '--pp',
    projectPath,
    '--pkp',
    path.resolve(env.WEAPP_PRIVATE_KEY_PATH),
    '--appid',
    env.WEAPP_APPID,
    '-r',
    robot,
    '--enable-es6',
    'true',
    '--enable-minify',
    'true',
    ...(preview
      ? ['--qrcode-format', 'image', '--qrcode-output-dest', path.join(miniappDir, 'dist/weapp-preview.jpg')]
      : ['--uv', version, '--ud', env.WEAPP_DESC ?? `民情通 ${version}`]),
  ]
  const printable = ['npx', ...args]
    .map((a) => (a === path.resolve(env.WEAPP_PRIVATE_KEY_PATH) ? '<key file>' : a))
    .join(' ')
  return { ok: true, command: 'npx', args, printable }
}
