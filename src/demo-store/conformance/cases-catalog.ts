import { c, type Case } from './case-types';

/** Catalog cases: every implemented operation on success and on the errors it can return. */
const P = '/v3/catalog/products';
const PID = `${P}/{product_id}`;
const data = (r: { body: unknown }) => (r.body as { data: Record<string, unknown> & Array<Record<string, unknown>> }).data;
const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

export const productCases: Case[] = [
  c('list products', 'GET', P, 200, `${P}?limit=5`, { save: (r, f) => { f.pid = data(r)[0].id as number; } }),
  c('list products with include', 'GET', P, 200, `${P}?include=variants,images,primary_image&limit=5`),
  c('list products with options (10 per page)', 'GET', P, 200, `${P}?include=options&limit=50`),
  c('list products with include_fields', 'GET', P, 200, `${P}?include_fields=name,price&sort=price&direction=desc`),
  c('list products filtered', 'GET', P, 200, `${P}?price:min=20&inventory_level:greater=0&is_visible=true&keyword=a`),
  c('get product', 'GET', PID, 200, (f) => `${P}/${f.pid}?include=variants,images,options`),
  c('get missing product', 'GET', PID, 404, `${P}/999999`),
  c('create product with variants', 'POST', P, 200, P, {
    body: () => ({
      name: 'Conformance Tee', type: 'physical', weight: 0.4, price: 19.99, sku: 'CONF-TEE',
      variants: [
        { sku: 'CONF-TEE-S', option_values: [{ option_display_name: 'Size', label: 'S' }], inventory_level: 4 },
        { sku: 'CONF-TEE-M', option_values: [{ option_display_name: 'Size', label: 'M' }], inventory_level: 0 },
      ],
    }),
    save: (r, f) => {
      const d = data(r) as unknown as { id: number; variants: Array<{ id: number }> };
      f.newPid = d.id;
      f.vid = d.variants[0].id;
    },
  }),
  c('create product, duplicate name', 'POST', P, 409, P, { body: () => ({ name: 'Conformance Tee', type: 'physical', weight: 1, price: 1 }) }),
  c('create product, missing fields', 'POST', P, 422, P, { body: () => ({ type: 'physical' }) }),
  c('create simple product', 'POST', P, 200, P, {
    body: () => ({ name: 'Conformance Mug', type: 'physical', weight: 1, price: 12.5, sku: 'CONF-MUG' }),
    save: (r, f) => { f.mugId = data(r).id as number; },
  }),
  c('update product', 'PUT', PID, 200, (f) => `${P}/${f.newPid}`, { body: () => ({ price: 21.5, bin_picking_number: 'B-01-01' }) }),
  c('update missing product', 'PUT', PID, 404, `${P}/999999`, { body: () => ({ price: 1 }) }),
  c('update product, duplicate sku', 'PUT', PID, 409, (f) => `${P}/${f.newPid}`, { body: () => ({ sku: 'CONF-MUG' }) }),
  c('update product, invalid price', 'PUT', PID, 422, (f) => `${P}/${f.newPid}`, { body: () => ({ price: 'cheap' }) }),
  c('batch update products', 'PUT', P, 200, P, { body: (f) => [{ id: f.newPid, inventory_warning_level: 2 }, { id: f.mugId, price: 13 }] }),
  c('batch update, 11 items', 'PUT', P, 413, P, { body: (f) => many(11, () => ({ id: f.mugId, price: 1 })) }),
  c('batch update, missing id', 'PUT', P, 422, P, { body: () => [{ price: 1 }] }),
  c('batch update, unknown id', 'PUT', P, 404, P, { body: () => [{ id: 999999, price: 1 }] }),
  c('batch update, duplicate sku', 'PUT', P, 409, P, { body: (f) => [{ id: f.mugId, sku: 'CONF-TEE' }] }),
];

const V = `${PID}/variants`;
export const variantCases: Case[] = [
  c('list product variants', 'GET', V, 200, (f) => `${P}/${f.newPid}/variants`),
  c('list variants of missing product', 'GET', V, 404, `${P}/999999/variants`),
  c('get variant', 'GET', `${V}/{variant_id}`, 200, (f) => `${P}/${f.newPid}/variants/${f.vid}`),
  c('get missing variant', 'GET', `${V}/{variant_id}`, 404, (f) => `${P}/${f.newPid}/variants/999999`),
  c('create variant, missing product', 'POST', V, 404, `${P}/999999/variants`, { body: () => ({ sku: 'X' }) }),
  c('update variant', 'PUT', `${V}/{variant_id}`, 200, (f) => `${P}/${f.newPid}/variants/${f.vid}`, { body: () => ({ inventory_level: 9, sale_price: 15 }) }),
  c('update missing variant', 'PUT', `${V}/{variant_id}`, 404, (f) => `${P}/${f.newPid}/variants/999999`, { body: () => ({ inventory_level: 1 }) }),
  c('list all variants', 'GET', '/v3/catalog/variants', 200, '/v3/catalog/variants?limit=20&include_fields=sku,inventory_level'),
  c('list variants by product', 'GET', '/v3/catalog/variants', 200, (f) => `/v3/catalog/variants?product_id:in=${f.newPid},${f.pid}`),
  c('batch update variants', 'PUT', '/v3/catalog/variants', 200, '/v3/catalog/variants', { body: (f) => [{ id: f.vid, inventory_level: 3 }] }),
  c('batch update variants, 51 items', 'PUT', '/v3/catalog/variants', 413, '/v3/catalog/variants', { body: (f) => many(51, () => ({ id: f.vid, inventory_level: 1 })) }),
  c('batch update variants, duplicate sku', 'PUT', '/v3/catalog/variants', 422, '/v3/catalog/variants', { body: (f) => [{ id: f.vid, sku: 'CONF-MUG' }] }),
  c('delete variant', 'DELETE', `${V}/{variant_id}`, 204, (f) => `${P}/${f.newPid}/variants/${f.vid}`),
  c('create variant', 'POST', V, 200, (f) => `${P}/${f.newPid}/variants`, {
    body: () => ({ sku: 'CONF-TEE-S2', option_values: [{ option_display_name: 'Size', label: 'S' }], price: 22 }),
    save: (r, f) => { f.vid2 = data(r).id as number; },
  }),
];

const O = `${PID}/options`;
const OV = `${O}/{option_id}/values`;
export const optionCases: Case[] = [
  c('list options', 'GET', O, 200, (f) => `${P}/${f.newPid}/options`, { save: (r, f) => { f.optId = data(r)[0].id as number; } }),
  c('list options of missing product', 'GET', O, 404, `${P}/999999/options`),
  c('create option', 'POST', O, 200, (f) => `${P}/${f.mugId}/options`, {
    body: () => ({ display_name: 'Color', type: 'swatch', option_values: [{ label: 'Navy', sort_order: 0, value_data: { colors: ['#1F2A44'] } }] }),
    save: (r, f) => { f.colorOpt = data(r).id as number; },
  }),
  c('create option, duplicate name', 'POST', O, 409, (f) => `${P}/${f.mugId}/options`, { body: () => ({ display_name: 'Color', type: 'swatch', option_values: [] }) }),
  c('create option, missing fields', 'POST', O, 422, (f) => `${P}/${f.mugId}/options`, { body: () => ({ type: 'swatch' }) }),
  c('get option', 'GET', `${O}/{option_id}`, 200, (f) => `${P}/${f.newPid}/options/${f.optId}`),
  c('get missing option', 'GET', `${O}/{option_id}`, 404, (f) => `${P}/${f.newPid}/options/999999`),
  c('update option', 'PUT', `${O}/{option_id}`, 200, (f) => `${P}/${f.newPid}/options/${f.optId}`, { body: () => ({ display_name: 'Size (US)' }) }),
  c('create second option', 'POST', O, 200, (f) => `${P}/${f.mugId}/options`, {
    body: () => ({ display_name: 'Finish', type: 'radio_buttons', option_values: [{ label: 'Matte', sort_order: 0 }] }),
  }),
  c('update option, name clash', 'PUT', `${O}/{option_id}`, 409, (f) => `${P}/${f.mugId}/options/${f.colorOpt}`, { body: () => ({ display_name: 'Finish' }) }),
  c('update option, invalid type', 'PUT', `${O}/{option_id}`, 422, (f) => `${P}/${f.newPid}/options/${f.optId}`, { body: () => ({ type: 'wheel' }) }),
  c('list option values', 'GET', OV, 200, (f) => `${P}/${f.newPid}/options/${f.optId}/values`),
  c('create option value', 'POST', OV, 200, (f) => `${P}/${f.newPid}/options/${f.optId}/values`, {
    body: () => ({ label: 'XL', sort_order: 5 }), save: (r, f) => { f.valId = data(r).id as number; },
  }),
  c('create option value, missing label', 'POST', OV, 422, (f) => `${P}/${f.newPid}/options/${f.optId}/values`, { body: () => ({ sort_order: 1 }) }),
  c('get option value', 'GET', `${OV}/{value_id}`, 200, (f) => `${P}/${f.newPid}/options/${f.optId}/values/${f.valId}`),
  c('get missing option value', 'GET', `${OV}/{value_id}`, 404, (f) => `${P}/${f.newPid}/options/${f.optId}/values/999999`),
  c('update option value', 'PUT', `${OV}/{value_id}`, 200, (f) => `${P}/${f.newPid}/options/${f.optId}/values/${f.valId}`, { body: () => ({ label: 'Extra Large' }) }),
  c('update missing option value', 'PUT', `${OV}/{value_id}`, 404, (f) => `${P}/${f.newPid}/options/${f.optId}/values/999999`, { body: () => ({ label: 'X' }) }),
  c('update option value, bad label', 'PUT', `${OV}/{value_id}`, 422, (f) => `${P}/${f.newPid}/options/${f.optId}/values/${f.valId}`, { body: () => ({ label: 5 }) }),
  c('delete option value', 'DELETE', `${OV}/{value_id}`, 204, (f) => `${P}/${f.newPid}/options/${f.optId}/values/${f.valId}`),
  c('delete option', 'DELETE', `${O}/{option_id}`, 204, (f) => `${P}/${f.mugId}/options/${f.colorOpt}`),
];

const I = `${PID}/images`;
export const imageCases: Case[] = [
  c('list images', 'GET', I, 200, (f) => `${P}/${f.pid}/images`, {
    save: (r, f) => { f.imgPid = f.pid; f.imgUrl = (r.body as { data: Array<{ url_standard: string }> }).data[0]!.url_standard; },
  }),
  c('list images, none', 'GET', I, 204, (f) => `${P}/${f.mugId}/images`),
  c('list images of missing product', 'GET', I, 404, `${P}/999999/images`),
  c('create image', 'POST', I, 200, (f) => `${P}/${f.mugId}/images`, {
    // The demo store downloads image_url as BigCommerce does: one of its own CDN images (loopback).
    body: (f) => ({ image_url: f.imgUrl, description: 'Mug' }), save: (r, f) => { f.imgId = data(r).id as number; },
  }),
  c('create image, missing product', 'POST', I, 404, `${P}/999999/images`, { body: () => ({ image_url: 'https://images.example.com/x.jpg' }) }),
  c('create image, unreachable url', 'POST', I, 400, (f) => `${P}/${f.mugId}/images`, { body: () => ({ image_url: 'http://127.0.0.1:9/none.jpg' }) }),
  c('create image, url answers 404', 'POST', I, 400, (f) => `${P}/${f.mugId}/images`, { body: (f) => ({ image_url: String(f.imgUrl).replace(/\/cdn\/.*/, '/stores/x/v3/catalog/products') }) }),
  c('create image, missing url', 'POST', I, 422, (f) => `${P}/${f.mugId}/images`, { body: () => ({ description: 'x' }) }),
  c('get image', 'GET', `${I}/{image_id}`, 200, (f) => `${P}/${f.mugId}/images/${f.imgId}`),
  c('get missing image', 'GET', `${I}/{image_id}`, 404, (f) => `${P}/${f.mugId}/images/999999`),
  c('update image', 'PUT', `${I}/{image_id}`, 200, (f) => `${P}/${f.mugId}/images/${f.imgId}`, { body: () => ({ description: 'Blue mug', is_thumbnail: true }) }),
  c('update missing image', 'PUT', `${I}/{image_id}`, 404, (f) => `${P}/${f.mugId}/images/999999`, { body: () => ({ description: 'x' }) }),
  c('update image, bad sort_order', 'PUT', `${I}/{image_id}`, 422, (f) => `${P}/${f.mugId}/images/${f.imgId}`, { body: () => ({ sort_order: 'first' }) }),
  c('delete image', 'DELETE', `${I}/{image_id}`, 204, (f) => `${P}/${f.mugId}/images/${f.imgId}`),
];

const CF = `${PID}/custom-fields`;
export const customFieldCases: Case[] = [
  c('get product with custom fields', 'GET', PID, 200, (f) => `${P}/${f.mugId}?include=custom_fields`),
  c('create custom field', 'POST', CF, 200, (f) => `${P}/${f.mugId}/custom-fields`, {
    body: () => ({ name: 'Material', value: 'Stoneware' }), save: (r, f) => { f.cfId = data(r).id as number; },
  }),
  c('create custom field, duplicate pair', 'POST', CF, 409, (f) => `${P}/${f.mugId}/custom-fields`, { body: () => ({ name: 'Material', value: 'Stoneware' }) }),
  c('create custom field, missing value', 'POST', CF, 422, (f) => `${P}/${f.mugId}/custom-fields`, { body: () => ({ name: 'Care' }) }),
  c('create custom field, missing product', 'POST', CF, 404, `${P}/999999/custom-fields`, { body: () => ({ name: 'Care', value: 'Wipe' }) }),
  c('list custom fields', 'GET', CF, 200, (f) => `${P}/${f.mugId}/custom-fields`),
  c('get custom field', 'GET', `${CF}/{custom_field_id}`, 200, (f) => `${P}/${f.mugId}/custom-fields/${f.cfId}`),
  c('get missing custom field', 'GET', `${CF}/{custom_field_id}`, 404, (f) => `${P}/${f.mugId}/custom-fields/999999`),
  c('update custom field', 'PUT', `${CF}/{custom_field_id}`, 200, (f) => `${P}/${f.mugId}/custom-fields/${f.cfId}`, { body: () => ({ value: 'Porcelain' }) }),
  c('update custom field, too long', 'PUT', `${CF}/{custom_field_id}`, 422, (f) => `${P}/${f.mugId}/custom-fields/${f.cfId}`, { body: () => ({ value: 'x'.repeat(251) }) }),
  c('delete custom field', 'DELETE', `${CF}/{custom_field_id}`, 204, (f) => `${P}/${f.mugId}/custom-fields/${f.cfId}`),
];

export const productDeleteCases: Case[] = [
  c('delete product', 'DELETE', PID, 204, (f) => `${P}/${f.mugId}`),
  c('delete products by id:in', 'DELETE', P, 204, (f) => `${P}?id:in=${f.newPid}`),
];
