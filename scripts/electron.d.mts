// Types of scripts/electron.mjs (plain JS so that postinstall and `npm start` run without tsx).

/** the electron package's folder, or null when it is not installed */
export function electronPackageDir(): string | null
/** the Electron executable, or null when its binary was never downloaded */
export function electronBinary(): string | null
/** the Electron version the installed package downloads */
export function electronVersion(): string | null
/** one sentence for machines without the binary */
export const missingBinary: string
