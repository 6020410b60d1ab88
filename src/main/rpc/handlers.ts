import type { Services } from '../compose';
import type { Handlers } from './dispatch';

/** Contract → services. A handler is validation (done by the dispatcher) plus one service call. */
export function createHandlers(services: Services): Handlers {
  return {
    'app.getInfo': () => services.app.info(),
    'stores.list': () => services.stores.list(),
    'stores.select': ({ id }) => services.stores.select(id),
  };
}
