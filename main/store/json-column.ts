// JSON columns: values go in through JSON.stringify and come out through JSON.parse. The schema's
// json_valid checks keep our own writes honest; a file from elsewhere may still hold anything, so a parse
// failure is reported as damage to the named column rather than a bare SyntaxError.

import { StoreError } from './store-error.ts'

export function toJson(value: unknown, what: string): string {
  const text = JSON.stringify(value)
  if (text === undefined) throw new StoreError('bad-request', `${what} is not a JSON value`)
  return text
}

export function fromJson(text: string, what: string): unknown {
  try { return JSON.parse(text) } catch {
    throw new StoreError('corrupt', `${what} is damaged: it is not valid JSON`)
  }
}
