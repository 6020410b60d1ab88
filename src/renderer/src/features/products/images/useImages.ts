import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProductImages } from '../../../../../shared/contract';
import { call } from '../../../api/client';
import { queryKey } from '../../../api/queries';

/** One product's images, read from the store when the panel opens (not cached with the catalog). */
export function useProductImages(storeId: string, productId: number) {
  return useQuery({
    queryKey: queryKey('images.list', { storeId, productId }),
    queryFn: () => call('images.list', { storeId, productId }),
    staleTime: 0,
  });
}

export type ImageAction =
  | { kind: 'add'; imageUrl: string; description: string }
  | { kind: 'remove'; imageId: number }
  | { kind: 'thumbnail'; imageId: number }
  | { kind: 'describe'; imageId: number; description: string }
  | { kind: 'undo' };

function run(storeId: string, productId: number, action: ImageAction): Promise<ProductImages> {
  const target = { storeId, productId };
  switch (action.kind) {
    case 'add':
      return call('images.add', { ...target, imageUrl: action.imageUrl, ...(action.description.trim() ? { description: action.description.trim() } : {}) });
    case 'remove':
      return call('images.remove', { ...target, imageId: action.imageId });
    case 'thumbnail':
      return call('images.setThumbnail', { ...target, imageId: action.imageId });
    case 'describe':
      return call('images.describe', { ...target, imageId: action.imageId, description: action.description });
    case 'undo':
      return call('images.undo', target);
  }
}

/** Every image change: the answer is the product's images as they are now, put straight into the list. */
export function useImageAction(storeId: string, productId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: ImageAction) => run(storeId, productId, action),
    onSuccess: (images) => client.setQueryData(queryKey('images.list', { storeId, productId }), images),
    // A refused remove or thumbnail may mean the list is stale (changed elsewhere): read it again.
    onError: () => void client.invalidateQueries({ queryKey: queryKey('images.list', { storeId, productId }) }),
  });
}
