// Reads files of the built renderer bundle for the app:// protocol and for browser mode's HTTP
// server. A URL path is untrusted: anything that would land outside the bundle (.., encoded
// dots, absolute paths, NUL, a symlink pointing out) is refused.
import { readFile, realpath } from 'node:fs/promises'
import { extname, isAbsolute, join, relative } from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

/** the content type for a file name, by extension */
export function contentType(file: string): string {
  return types[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

const inside = (root: string, target: string) => {
  const rel = relative(root, target)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/** the file a URL pathname names inside root, or null when it would leave root or is malformed */
export function bundlePath(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null // broken percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.')
  if (segments.includes('..')) return null
  const target = join(root, ...(segments.length ? segments : ['index.html']))
  return inside(root, target) ? target : null
}

/** a bundle file's bytes and type, or null when refused or missing (symlinks out of root included) */
export async function readBundleFile(root: string, pathname: string): Promise<{ body: Buffer; type: string } | null> {
  const target = bundlePath(root, pathname)
  if (!target) return null
  try {
    const [realRoot, realTarget] = await Promise.all([realpath(root), realpath(target)])
    if (!inside(realRoot, realTarget)) return null
    return { body: await readFile(realTarget), type: contentType(realTarget) }
  } catch {
    return null // missing, or a directory
  }
}
