// What global-setup.ts left for the tests: browser mode's URL (with its token) and a scratch folder.
export function serveUrl(): URL {
  const url = process.env.RECEPTIVE_URL
  if (!url) throw new Error('RECEPTIVE_URL is not set: run the e2e tests through playwright.config.ts (global-setup.ts)')
  return new URL(url)
}

export function scratchDir(): string {
  const dir = process.env.RECEPTIVE_E2E_DIR
  if (!dir) throw new Error('RECEPTIVE_E2E_DIR is not set: run the e2e tests through playwright.config.ts')
  return dir
}
