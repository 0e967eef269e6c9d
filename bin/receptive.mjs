#!/usr/bin/env node
// The `receptive` command. The code is TypeScript run through tsx (a dependency), as `npm run serve` is.
import { register } from 'tsx/esm/api'

register()
await import('../main/cli/main.ts')
