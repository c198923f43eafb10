import { build, type Plugin } from 'esbuild'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * The server's sources and the shared package in one file; every other package stays an ordinary
 * import from node_modules. Each source keeps its own `import.meta.url` (paths.ts, app.ts and
 * localDatabase.ts find the project root, the H5 build and FerretDB from it), so the bundle runs
 * from any directory exactly as `tsx server/src/main.ts` does.
 */
const sourcesAsTheyAre: Plugin = {
  name: 'minqing-sources',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@minqing/')) return undefined
      // A file inside a CommonJS package ('dayjs/plugin/utc'): tsx finds it without an extension,
      // Node's ESM loader does not, so the bundle names the file itself.
      const parts = args.path.split('/')
      const deep = !args.path.startsWith('node:') && parts.length > (args.path.startsWith('@') ? 2 : 1)
      if (deep) return { path: createRequire(args.importer).resolve(args.path), external: true }
      return { path: args.path, external: true }
    })
    builder.onLoad({ filter: /\.tsx?$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: args.path.endsWith('x') ? 'tsx' : 'ts',
    }))
  },
}

/** Bundles `server/src/main.ts` into `outDir` and returns the bundle's path. */
export async function bundleServer(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'main.mjs')
  await build({
    entryPoints: [path.join(root, 'server/src/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    outfile,
    logLevel: 'warning',
    plugins: [sourcesAsTheyAre],
  })
  return outfile
}

/** Where startServer finds the bundle of this run (set by the globalSetup, inherited by workers). */
export const serverBundleVariable = 'MINQING_TEST_SERVER_BUNDLE'

/**
 * globalSetup: one bundle for the whole run instead of tsx transpiling the server in each of the
 * ~30 server processes the tests start (measured: 11 s of CPU per seeded start with tsx, 7 s from
 * the bundle). It lives under server/node_modules so the packages it imports resolve as they do
 * for server/src (server/node_modules first, then the root's). The source map is written beside
 * it: NODE_OPTIONS=--enable-source-maps gives server stack traces in source lines (off by
 * default, it costs about a second of CPU per start).
 */
export default async function setup() {
  const cache = path.join(root, 'server/node_modules/.cache')
  mkdirSync(cache, { recursive: true })
  const outDir = mkdtempSync(path.join(cache, 'minqing-test-server-'))
  process.env[serverBundleVariable] = await bundleServer(outDir)
  return () => rmSync(outDir, { recursive: true, force: true })
}
