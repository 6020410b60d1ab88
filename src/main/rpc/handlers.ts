import type { ProductRowData } from '../../shared/contract';
import type { Services } from '../compose';
import { toBudget } from '../services/stores/budget-feed';
import type { Handlers } from './dispatch';

/** Contract → services. A handler is validation (done by the dispatcher) plus one service call. */
export function createHandlers(s: Services): Handlers {
  return {
    'app.getInfo': () => s.app.info(),
    'stores.list': () => s.stores.list(),
    'stores.select': ({ id }) => s.stores.select(id),
    'stores.add': (input) => s.stores.add(input),
    'stores.update': (input) => s.stores.update(input),
    'stores.remove': ({ id }) => s.stores.remove(id),
    'stores.testConnection': ({ id }) => s.stores.testConnection(id),
    'stores.testCredentials': ({ storeHash, token, apiOrigin }) =>
      s.stores.testDraft({ storeHash, token, apiOrigin: apiOrigin ?? 'https://api.bigcommerce.com' }),
    'catalog.sync': ({ storeId, mode }) => {
      const { storeHash } = s.stores.resolve(storeId);
      return mode === 'full' ? s.catalog.load(storeId, storeHash, { force: true }) : s.catalog.load(storeId, storeHash);
    },
    'catalog.listProducts': async ({ storeId, offset, limit, ids }) => {
      s.stores.resolve(storeId);
      const snapshot = await s.catalog.snapshot(storeId);
      const all = snapshot?.products ?? [];
      // Cached rows are readonly by type; they are serialized across the boundary, never mutated.
      const products = ids ? await s.catalog.get(storeId, ids) : all.slice(offset, offset + limit);
      return { total: all.length, offset: ids ? 0 : offset, products: products as ProductRowData[] };
    },
    'catalog.listProductColumns': ({ storeId, offset, limit }) => (s.stores.resolve(storeId), s.catalog.columns(storeId, offset, limit)),
    'catalog.getStatus': async ({ storeId }) => {
      s.stores.resolve(storeId);
      // From the cache file's header until the catalog is read: a start shows Products without waiting for 42 MB.
      const status = await s.catalog.status(storeId);
      return { storeId, syncedAt: status?.syncedAt ?? null, products: status?.products ?? 0, variants: status?.variants ?? 0, decimalPlaces: status?.decimalPlaces ?? null, currency: status?.currency ?? null };
    },
    'catalog.listNames': ({ storeId }) => (s.stores.resolve(storeId), s.catalogNames.list(storeId)),
    'jobs.start': async ({ storeId, title, edits }) => {
      const { storeHash } = s.stores.resolve(storeId);
      await s.checkEdits(storeId, edits);
      return s.jobs.start({ storeId, storeHash, title, edits });
    },
    'jobs.list': ({ storeId }) => (s.stores.resolve(storeId), s.jobs.list(storeId)),
    'jobs.get': ({ jobId }) => s.jobs.get(jobId),
    'jobs.pause': ({ jobId }) => s.jobs.pause(jobId),
    'jobs.resume': ({ jobId }) => s.jobs.resume(jobId),
    'jobs.cancel': ({ jobId }) => s.jobs.cancel(jobId),
    'jobs.undo': ({ jobId }) => s.jobs.undo(jobId),
    'jobs.retry': ({ jobId, rows }) => s.jobs.retry(jobId, rows),
    'staging.list': ({ storeId }) => (s.stores.resolve(storeId), s.staging.list(storeId)),
    'staging.stage': (input) => (s.stores.resolve(input.storeId), s.staging.stage(input)),
    'staging.discard': (input) => (s.stores.resolve(input.storeId), s.staging.discard(input)),
    'staging.apply': ({ storeId, title, keys }) => s.staging.apply({ storeId, storeHash: s.stores.resolve(storeId).storeHash, title, keys }),
    'picklists.build': ({ storeId, statusIds, orderIds, groupByZone }) =>
      (s.stores.resolve(storeId), s.picklists.build({ storeId, statusIds, orderIds, groupByZone })),
    'picklists.packingSlips': ({ storeId, statusIds, orderIds }) => (s.stores.resolve(storeId), s.picklists.packingSlips({ storeId, statusIds, orderIds })),
    'print.print': ({ paper }) => s.printer.print({ paper }),
    'print.savePdf': (input) => s.printer.savePdf(input),
    'orders.list': ({ storeId }) => (s.stores.resolve(storeId), s.orders.list(storeId)),
    'orders.getStatus': ({ storeId }) => (s.stores.resolve(storeId), s.orders.status(storeId)),
    'orders.refresh': ({ storeId, mode }) => s.orders.load(storeId, s.stores.resolve(storeId).storeHash, { force: mode === 'full' }),
    'orders.listStatuses': async ({ storeId }) => (s.stores.resolve(storeId), { storeId, statuses: await s.orders.statuses(storeId) }),
    'orders.get': ({ storeId, orderId }) => (s.stores.resolve(storeId), s.orders.get(storeId, orderId)),
    'orders.createShipments': ({ storeId, shipments }) => (s.stores.resolve(storeId), s.orders.createShipments(storeId, shipments)),
    'webhooks.list': ({ storeId }) => s.webhooks.list(storeId),
    'webhooks.getReceiver': ({ storeId }) => s.webhooks.receiverInfo(storeId),
    'webhooks.create': (input) => s.webhooks.create(input),
    'webhooks.update': async ({ storeId, id, isActive }) => {
      const hook = await s.webhooks.setActive(storeId, id, isActive);
      // Deliveries missed while the hook was off: a delta refresh of the cached catalog catches them up.
      if (isActive && hook.toReceiver) {
        const { storeHash } = s.stores.resolve(storeId);
        void s.catalog.snapshot(storeId).then((cached) => cached && s.catalog.refresh(storeId, storeHash)).catch(() => undefined);
      }
      return hook;
    },
    'webhooks.delete': ({ storeId, id }) => s.webhooks.remove(storeId, id),
    'webhooks.setPublicUrl': ({ storeId, publicUrl }) => s.webhooks.setPublicUrl(storeId, publicUrl),
    'webhooks.listEvents': ({ storeId }) => s.webhooks.listEvents(storeId),
    'customers.list': async ({ storeId, offset, limit }) => {
      s.stores.resolve(storeId);
      const rows = await s.customers.rows(storeId);
      return { total: rows.length, offset, customers: rows.slice(offset, offset + limit) };
    },
    'customers.getStatus': ({ storeId }) => (s.stores.resolve(storeId), s.customers.status(storeId)),
    'customers.sync': ({ storeId, mode }) => s.customers.sync(storeId, s.stores.resolve(storeId).storeHash, mode),
    'customers.create': ({ storeId, customer }) => (s.stores.resolve(storeId), s.customers.create(storeId, customer)),
    'customers.listGroups': ({ storeId }) => (s.stores.resolve(storeId), s.customers.listGroups(storeId)),
    'customers.createGroup': ({ storeId, name }) => (s.stores.resolve(storeId), s.customers.createGroup(storeId, name)),
    'customers.renameGroup': ({ storeId, id, name }) => (s.stores.resolve(storeId), s.customers.renameGroup(storeId, id, name)),
    'customers.deleteGroup': ({ storeId, id }) => (s.stores.resolve(storeId), s.customers.deleteGroup(storeId, id)),
    'compare.matchSkus': (input) => s.compare.match(input),
    'compare.copyValues': (input) => s.compare.copy(input),
    'authoring.list': ({ storeId }) => (s.stores.resolve(storeId), s.authoring.list(storeId)),
    'authoring.stage': ({ storeId, changes }) => (s.stores.resolve(storeId), s.authoring.stage(storeId, changes)),
    'authoring.discard': ({ storeId, keys }) => (s.stores.resolve(storeId), s.authoring.discard(storeId, keys)),
    'authoring.apply': ({ storeId, title }) => (s.stores.resolve(storeId), s.authoring.apply(storeId, title)),
    'authoring.jobs': ({ storeId }) => (s.stores.resolve(storeId), s.authoring.jobs(storeId)),
    'authoring.undo': ({ jobId }) => s.authoring.undo(jobId),
    'authoring.taxonomy': ({ storeId }) => (s.stores.resolve(storeId), s.authoring.taxonomy(storeId)),
    'images.list': ({ storeId, productId }) => (s.stores.resolve(storeId), s.images.list(storeId, productId)),
    'images.add': ({ storeId, productId, imageUrl, description }) => (s.stores.resolve(storeId), s.images.add(storeId, productId, imageUrl, description)),
    'images.remove': ({ storeId, productId, imageId }) => (s.stores.resolve(storeId), s.images.remove(storeId, productId, imageId)),
    'images.setThumbnail': ({ storeId, productId, imageId }) => (s.stores.resolve(storeId), s.images.setThumbnail(storeId, productId, imageId)),
    'images.describe': ({ storeId, productId, imageId, description }) => (s.stores.resolve(storeId), s.images.describe(storeId, productId, imageId, description)),
    'images.undo': ({ storeId, productId }) => (s.stores.resolve(storeId), s.images.undo(storeId, productId)),
    'stores.getBudget': ({ id }) => {
      const store = s.stores.resolve(id);
      return toBudget(id, store.storeHash, s.bigcommerce.limiterFor(id).state());
    },
  };
}
