/**
 * Row shapes. Catalog and customer rows hold exactly the public V3 field names so they can be
 * serialized directly; sub-resources (variants, options, images) live in their own tables.
 * Orders hold numeric money internally and are rendered as V2 4-place strings.
 */

export * from './catalog-types';
export * from './sales-types';
