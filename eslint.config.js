// Lint: typescript-eslint and eslint-plugin-svelte recommended rules, plus the layering of
// STYLE.md rule 1 (dependencies point one way), one no-restricted-imports block per folder.
import { defineConfig } from 'eslint/config'
import svelte from 'eslint-plugin-svelte'
import tseslint from 'typescript-eslint'

const up = '^(\\.\\./)+' // a relative import climbing out of the folder
const rule = (message, regex, allowTypeImports = false) => ({ regex, message, allowTypeImports })
const pkgs = (message, ...names) => names.map((name) => ({ regex: `^${name}(/|$)`, message }))

// Layering (STYLE.md rule 1). Do not relax these to make an import pass: move the code instead.
// Each file matches exactly one block below (a later block would replace, not extend, an earlier one).
const layering = [
  {
    files: ['engine/**'],
    patterns: [
      rule('engine/ imports nothing outside engine/', `${up}(main|preload|renderer|test|bench|scripts)(/|$)`),
      ...pkgs('the engine uses no Electron, SQLite, DOM framework or RxJS (it emits async iterables)',
        'electron', 'better-sqlite3', 'svelte', '@xyflow', 'rxjs', 'ws'),
    ],
  },
  {
    files: ['preload/**'],
    patterns: [
      rule('preload/ is the contract: it imports neither main nor the renderer', `${up}(main|renderer)(/|$)`),
      rule('preload/ uses engine types only', `${up}engine/`, true),
      rule('a sandboxed preload has no Node', '^node:'),
      ...pkgs('a sandboxed preload bundles only electron and zod', 'better-sqlite3', 'ws', 'rxjs', 'svelte', 'webgpu'),
    ],
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'], // build config, runs in Node
    patterns: [
      rule('the renderer reaches main only through lib/api.ts', `${up}main(/|$)`),
      rule('the renderer imports preload/contract (types) and preload/rpc only', `${up}preload/(?!contract|rpc)`),
      rule('the renderer takes types only from preload/contract (zod stays in main)', `${up}preload/contract`, true),
      rule('the renderer runs engine/graph only (shape inference); other engine code is types', `${up}engine/(?!graph/)`, true),
      rule('the renderer has no Node', '^node:'),
      ...pkgs('the renderer has no Electron, SQLite, Dawn or ws', 'electron', 'better-sqlite3', 'webgpu', 'ws'),
    ],
  },
  {
    files: ['main/**'],
    ignores: ['main/index.ts', 'main/electron/**'],
    patterns: [
      rule('main never imports the renderer', `${up}renderer(/|$)`),
      rule('main runs no compute: training and inspection run in an engine host', `${up}engine/(kernels|ops|backend/(?!available\\.ts))`, true),
      ...pkgs('only main/index.ts and main/electron/ touch Electron; services are plain Node', 'electron'),
    ],
  },
  {
    files: ['main/index.ts', 'main/electron/**'],
    patterns: [
      rule('main never imports the renderer', `${up}renderer(/|$)`),
      rule('main runs no compute: training and inspection run in an engine host', `${up}engine/(kernels|ops|backend/(?!available\\.ts))`, true),
    ],
  },
].map(({ files, ignores = [], patterns }) => ({ files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } }))

export default defineConfig(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  tseslint.configs.recommended,
  svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  { rules: { '@typescript-eslint/no-unused-vars': 'off' } }, // tsc's noUnusedLocals/Parameters report these
  layering,
)
