import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** Relative paths in configuration are taken from the project root, whatever the working directory. */
export function fromProjectRoot(target: string): string {
  return path.resolve(projectRoot, target)
}
