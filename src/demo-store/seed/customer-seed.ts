import type { Rng } from '../util/prng';
import { isoDate } from '../util/dates';
import type { StoreDb } from '../state/store-db';
import type { StoreProfile } from './profiles';
import type { AddressRow, CustomerGroupRow, CustomerRow } from '../state/types';
import { COMPANIES, EMAIL_DOMAINS, EU_CITIES, EU_STREETS, FIRST_NAMES, LAST_NAMES, STREETS, US_CITIES } from './words';

const DAY = 86_400_000;

export function seedGroups(db: StoreDb, seedNow: number): void {
  const base = seedNow - 1200 * DAY;
  const groups: Array<Omit<CustomerGroupRow, 'created_ms' | 'modified_ms'>> = [
    { id: 1, name: 'Retail', is_default: true, category_access: { type: 'all' }, discount_rules: [], is_group_for_guests: false },
    { id: 2, name: 'Wholesale', is_default: false, category_access: { type: 'all' }, discount_rules: [{ type: 'all', method: 'percent', amount: '20.0000' }], is_group_for_guests: false },
    { id: 3, name: 'VIP', is_default: false, category_access: { type: 'all' }, discount_rules: [{ type: 'all', method: 'percent', amount: '10.0000' }], is_group_for_guests: false },
  ];
  for (const g of groups) db.groups.put({ ...g, created_ms: base, modified_ms: base });
}

export function seedCustomers(db: StoreDb, profile: StoreProfile, rng: Rng, count: number, seedNow: number): void {
  for (let i = 0; i < count; i++) {
    const id = db.customers.peekNextId();
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const created = seedNow - rng.int(1, 1150) * DAY - rng.int(0, DAY);
    const modified = Math.min(seedNow, created + rng.int(0, 300) * DAY);
    const groupRoll = rng.next();
    const business = groupRoll < 0.12;
    const customer: CustomerRow = {
      id, first_name: first, last_name: last,
      email: `${ascii(first)}.${ascii(last)}${id}@${rng.pick(EMAIL_DOMAINS)}`.toLowerCase(),
      company: business ? rng.pick(COMPANIES) : '', phone: phone(rng, profile), notes: '', tax_exempt_category: '',
      customer_group_id: business ? 2 : groupRoll < 0.2 ? 3 : 1,
      registration_ip_address: `203.0.113.${rng.int(1, 254)}`,
      date_created: isoDate(created), date_modified: isoDate(modified), created_ms: floorSec(created), modified_ms: floorSec(modified),
      accepts_product_review_abandoned_cart_emails: rng.chance(0.4), origin_channel_id: 1, channel_ids: null, store_credit: 0,
      addresses: [],
    };
    const n = rng.chance(0.15) ? 2 : 1;
    for (let a = 0; a < n; a++) customer.addresses.push(makeAddress(db.nextCounter('address'), customer, profile, rng));
    db.customers.put(customer);
  }
}

export function makeAddress(id: number, c: Pick<CustomerRow, 'id' | 'first_name' | 'last_name' | 'company'>, profile: StoreProfile, rng: Rng): AddressRow {
  const us = profile.currency === 'USD';
  const city = rng.pick(us ? US_CITIES : EU_CITIES);
  return {
    id, customer_id: c.id, first_name: c.first_name, last_name: c.last_name, company: c.company,
    address1: us ? `${rng.int(10, 9999)} ${rng.pick(STREETS)}` : `${rng.pick(EU_STREETS)} ${rng.int(1, 120)}`,
    address2: rng.chance(0.15) ? `Apt ${rng.int(1, 40)}` : '', city: city.city, state_or_province: city.state,
    postal_code: city.zip, country: city.country, country_code: city.iso2, phone: phone(rng, profile),
    address_type: c.company ? 'commercial' : 'residential',
  };
}

function phone(rng: Rng, profile: StoreProfile): string {
  return profile.currency === 'USD'
    ? `${rng.int(200, 989)}-555-${String(rng.int(100, 199)).padStart(4, '0')}`
    : `+49 ${rng.int(30, 89)} ${rng.int(1000000, 9999999)}`;
}

function ascii(s: string): string {
  return s.normalize('NFD').replace(/[^A-Za-z]/g, '');
}

const floorSec = (ms: number): number => Math.floor(ms / 1000) * 1000;
