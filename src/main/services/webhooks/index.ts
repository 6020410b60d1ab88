export { changeOf, dedupeKey, parseDelivery, type ChangedEntity, type Delivery, type StoreChange } from './delivery';
export { MAX_BODY_BYTES, secretMatches, startReceiver, type Receiver } from './receiver';
export { createWebhooksService, RECEIVER_SCOPES, type WebhooksService, type WebhooksServiceDeps } from './webhooks-service';

/**
 * Where the receiver listens: 127.0.0.1 on a free port unless the user sets
 * STOCKROOM_WEBHOOK_PORT (a fixed port for a forwarding tool) or STOCKROOM_WEBHOOK_HOST (e.g. 0.0.0.0,
 * to be reachable from the network: only on request, never by default).
 */
export function receiverOptionsFromEnv(env: Record<string, string | undefined>): { host: string; port: number } {
  const port = Number(env.STOCKROOM_WEBHOOK_PORT ?? 0);
  return {
    host: env.STOCKROOM_WEBHOOK_HOST?.trim() || '127.0.0.1',
    port: Number.isInteger(port) && port >= 0 && port <= 65535 ? port : 0,
  };
}
