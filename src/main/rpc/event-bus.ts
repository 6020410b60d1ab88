import { events, type EventName, type PayloadOf } from '../../shared/contract';
import type { EventMessage } from '../../shared/rpc';

export type EventListener = (message: EventMessage) => void;

/** Main's one outlet for events. Hosts subscribe and forward to their windows or sockets. */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: PayloadOf<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(options: { validate?: boolean } = {}): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      if (options.validate) events[name].payload.parse(payload);
      const message: EventMessage = { name, payload };
      for (const listener of listeners) listener(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
