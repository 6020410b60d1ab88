import { createRng } from '../util/prng';

/** Static identity of a seeded store (what `/v2/store` reports). */
export interface StoreProfile {
  index: number;
  name: string;
  hash: string;
  storeId: number;
  currency: 'USD' | 'EUR';
  currencySymbol: string;
  symbolLocation: 'left' | 'right';
  decimalSeparator: string;
  thousandsSeparator: string;
  decimalPlaces: number;
  taxRate: string; // decimal string, applied to ex-tax prices
  country: string;
  countryCode: string;
  address: string;
  phone: string;
  timezone: { name: string; raw_offset: number; dst_offset: number };
  weightUnits: string;
  dimensionUnits: string;
  language: string;
  domain: string;
  skuPrefix: string;
  ownerFirst: string;
  ownerLast: string;
  /**
   * Order statuses the merchant renamed in the control panel (`custom_label` in `/v2/order_statuses`;
   * the API cannot set them). The EUR stores show their customers German labels for the statuses
   * of a warehouse morning, so the demo has a store whose names differ from BigCommerce's.
   */
  statusLabels: Readonly<Record<number, string>>;
}

const GERMAN_STATUS_LABELS: Readonly<Record<number, string>> = { 11: 'Zu kommissionieren', 9: 'Versandbereit', 3: 'Teilweise versendet', 2: 'Versendet' };

const NAMES: Array<[string, string]> = [
  ['Northwind Apparel & Home', 'NW'],
  ['Havelberg Haus & Mode', 'HB'],
  ['Bluefin Outfitters & Living', 'BF'],
  ['Lindqvist Wear & Home', 'LQ'],
];

const HASH_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function makeProfile(index: number, seed: number | string): StoreProfile {
  const rng = createRng(`${String(seed)}/store/${index}`);
  let hash = '';
  for (let i = 0; i < 10; i++) hash += HASH_ALPHABET[rng.int(0, HASH_ALPHABET.length - 1)];
  const [baseName, prefix] = NAMES[index % NAMES.length];
  const round = Math.floor(index / NAMES.length);
  const name = round === 0 ? baseName : `${baseName} ${round + 1}`;
  const usd = index % 2 === 0;
  const slug = name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const common = { index, name, hash, storeId: 1000000 + rng.int(100000, 999999), domain: `${slug}.example.com`, skuPrefix: prefix + (round || '') };
  if (usd) {
    return {
      ...common, currency: 'USD', currencySymbol: '$', symbolLocation: 'left', decimalSeparator: '.', thousandsSeparator: ',',
      decimalPlaces: 2, taxRate: '0.0725', country: 'United States', countryCode: 'US',
      address: '410 Harbor Blvd, Portland, OR 97205', phone: '503-555-0142',
      timezone: { name: 'America/Los_Angeles', raw_offset: -28800, dst_offset: -25200 },
      weightUnits: 'LBS', dimensionUnits: 'Inches', language: 'en', ownerFirst: 'Dana', ownerLast: 'Whitfield', statusLabels: {},
    };
  }
  return {
    ...common, currency: 'EUR', currencySymbol: '€', symbolLocation: 'right', decimalSeparator: ',', thousandsSeparator: '.',
    decimalPlaces: 2, taxRate: '0.19', country: 'Germany', countryCode: 'DE',
    address: 'Lindenallee 12, 10115 Berlin', phone: '+49 30 5550142',
    timezone: { name: 'Europe/Berlin', raw_offset: 3600, dst_offset: 7200 },
    weightUnits: 'KGS', dimensionUnits: 'Centimeters', language: 'de', ownerFirst: 'Jana', ownerLast: 'Havelberg',
    statusLabels: GERMAN_STATUS_LABELS,
  };
}
