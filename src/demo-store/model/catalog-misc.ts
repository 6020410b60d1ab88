import type { BrandRow, CategoryRow } from '../state/types';
import { slugify } from './product';

export function makeCategory(id: number, fields: Partial<CategoryRow> & { name: string }): CategoryRow {
  return {
    id, parent_id: 0, description: '', views: 0, sort_order: 0, page_title: '', meta_keywords: [],
    meta_description: '', layout_file: 'category.html', image_url: '', is_visible: true, search_keywords: '',
    default_product_sort: 'use_store_settings', custom_url: { url: `/${slugify(fields.name)}/`, is_customized: false },
    tree_id: 1,
    ...fields,
  };
}

export function makeBrand(id: number, fields: Partial<BrandRow> & { name: string }): BrandRow {
  return {
    id, page_title: '', meta_keywords: [], meta_description: '', search_keywords: '', image_url: '',
    custom_url: { url: `/brands/${slugify(fields.name)}.html`, is_customized: false },
    ...fields,
  };
}
