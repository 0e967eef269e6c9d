// The renderer's Api served in this process by main's real handlers (no IPC, no socket): the renderer
// tests drive views and state against it; events reach listeners through `hub` when one is given.
import { createDispatch } from '../../main/dispatch.ts'
import type { EventHub } from '../../main/events.ts'
import { createHandlers, type AppContext } from '../../main/handlers.ts'
import { contract, type Api } from '../../preload/contract.ts'
import { unwrapReply } from '../../preload/rpc.ts'

export function handlersApi(ctx: Omit<AppContext, 'version' | 'platform'>, hub?: EventHub<typeof contract>): Api {
  const dispatch = createDispatch(contract, createHandlers({ version: '1', platform: 'linux', ...ctx }))
  return {
    invoke: async (call: string, arg?: unknown) => unwrapReply(await dispatch(call, arg)),
    on: (event: string, listener: (p: unknown) => void) => {
      if (!hub) return () => undefined
      const sub = hub.events$.subscribe((e) => e.event === event && listener(e.payload))
      return () => sub.unsubscribe()
    },
  } as unknown as Api
}
