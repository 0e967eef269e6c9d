// The stream of events main pushes to the renderer. Services emit here; each transport (IPC to
// every window, WebSocket to every tab) subscribes. Payloads are checked against the contract on
// the way out, so a service bug surfaces here rather than in the renderer.
import { Subject, type Observable } from 'rxjs'
import type { Contract, EventsOf } from '../preload/rpc.ts'

/** one pushed event on the wire */
export interface EventMessage { event: string; payload: unknown }

export interface EventHub<C extends Contract> {
  readonly events$: Observable<EventMessage>
  emit<K extends keyof C['events'] & string>(event: K, payload: EventsOf<C>[K]): void
}

export function createEventHub<C extends Contract>(contract: C): EventHub<C> {
  const subject = new Subject<EventMessage>()
  return {
    events$: subject.asObservable(),
    emit(event, payload) {
      subject.next({ event, payload: contract.events[event].parse(payload) })
    },
  }
}
