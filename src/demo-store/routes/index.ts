import type { RouteDef } from '../http/router';
import { productRoutes } from './catalog/products';
import { variantRoutes } from './catalog/variants';
import { imageRoutes } from './catalog/images';
import { customFieldRoutes } from './catalog/custom-fields';
import { optionRoutes } from './catalog/options';
import { categoryRoutes } from './catalog/categories';
import { treeRoutes } from './catalog/trees';
import { brandRoutes } from './catalog/brands';
import { orderRoutes } from './orders/orders';
import { orderChildRoutes } from './orders/order-children';
import { shipmentRoutes } from './orders/shipments';
import { consignmentRoutes } from './orders/consignments';
import { customerRoutes } from './customers/customers';
import { groupRoutes } from './customers/groups';
import { storeInfoRoutes } from './store-info';
import { hookRoutes } from './hooks';

/** Every implemented operation. The coverage report is generated from this list. */
export const ROUTES: RouteDef[] = [
  ...productRoutes,
  ...variantRoutes,
  ...imageRoutes,
  ...customFieldRoutes,
  ...optionRoutes,
  ...categoryRoutes,
  ...treeRoutes,
  ...brandRoutes,
  ...orderRoutes,
  ...orderChildRoutes,
  ...shipmentRoutes,
  ...consignmentRoutes,
  ...customerRoutes,
  ...groupRoutes,
  ...storeInfoRoutes,
  ...hookRoutes,
];

export interface ImplementedOperation {
  spec: string;
  method: string;
  /** Path as written in the spec (without the /v2 or /v3 prefix). */
  path: string;
}

export function implementedOperations(): ImplementedOperation[] {
  return ROUTES.filter((r) => !r.probeOnly).map((r) => ({ spec: r.spec, method: r.method, path: r.path.replace(/^\/v[23]/, '') }));
}
