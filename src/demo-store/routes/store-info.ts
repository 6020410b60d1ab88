import { notFound } from '../http/errors';
import type { Ctx, Reply, RouteDef } from '../http/router';

const SPEC = 'store_information.v2.yml';
/** Not among the specs copied to ../shared: the one route from it is a scope probe only. */
const SETTINGS_SPEC = 'settings.v3.yml';

/** `GET /v2/store`: identity, locale and plan of the demo store ("Standard" plan, not a trial). */
function storeInfo(ctx: Ctx): Reply {
  const p = ctx.store.profile;
  const origin = ctx.store.apiBase();
  return {
    status: 200,
    body: {
      id: p.hash, account_uuid: accountUuid(p.hash), domain: p.domain, secure_url: `https://${p.domain}`,
      control_panel_base_url: `https://store-${p.hash}.mybigcommerce.com`, status: 'live', name: p.name,
      first_name: p.ownerFirst, last_name: p.ownerLast, address: p.address, country: p.country, country_code: p.countryCode,
      infrastructure_region: p.currency === 'USD' ? 'us-central1' : 'europe-west3', phone: p.phone,
      admin_email: `${p.ownerFirst.toLowerCase()}@${p.domain}`, order_email: `orders@${p.domain}`,
      favicon_url: `${origin}/favicon.ico`,
      timezone: {
        ...p.timezone, dst_correction: true,
        date_format: { display: 'M jS Y', export: 'M jS Y', extended_display: 'M jS Y @ g:i A' },
      },
      language: p.language, currency: p.currency, currency_symbol: p.currencySymbol, decimal_separator: p.decimalSeparator,
      thousands_separator: p.thousandsSeparator, decimal_places: p.decimalPlaces, currency_symbol_location: p.symbolLocation,
      weight_units: p.weightUnits, dimension_units: p.dimensionUnits, dimension_decimal_places: 2, dimension_decimal_token: p.decimalSeparator,
      dimension_thousands_token: p.thousandsSeparator, plan_name: 'Standard', plan_level: 'Standard', plan_is_trial: false,
      industry: 'Apparel & Home', logo: [], is_price_entered_with_tax: false, store_id: p.storeId, default_channel_id: 1,
      default_site_id: 1000, active_comparison_modules: [],
      features: {
        stencil_enabled: true, sitewidehttps_enabled: true, facebook_catalog_id: '', checkout_type: 'optimized',
        wishlists_enabled: true, graphql_storefront_api_enabled: true, shopper_consent_tracking_enabled: false,
        multi_storefront_enabled: false, storefront_limits: { active: 1, total_including_inactive: 1 },
      },
    },
  };
}

function accountUuid(hash: string): string {
  const hex = Buffer.from(hash.padEnd(16, '0')).toString('hex').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const storeInfoRoutes: RouteDef[] = [
  { method: 'GET', path: '/v2/store', area: 'information', spec: SPEC, handler: storeInfo },
  { method: 'GET', path: '/v2/time', area: 'information', spec: SPEC, handler: (ctx) => ({ status: 200, body: { time: Math.floor(ctx.now / 1000) } }) },
  /**
   * Settings V3 sits in the same "Information & settings" scope (facts §1). The demo store has no
   * web analytics providers, so every id is unknown: 404 with the modify scope, 403 without —
   * the answer a connection test reads to tell a read-only token from a full one.
   */
  { method: 'PUT', path: '/v3/settings/analytics/{id}', area: 'information', spec: SETTINGS_SPEC, probeOnly: true, handler: () => { throw notFound(); } },
];
