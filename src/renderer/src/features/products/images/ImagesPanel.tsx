import { useState, type FormEvent } from 'react';
import { ImageUrl, type ProductImage } from '../../../../../shared/contract';
import { useImageAction, useProductImages, type ImageAction } from './useImages';
import './images.css';

export interface ImagesTarget {
  id: number;
  name: string;
  sku: string;
}

interface Props {
  storeId: string;
  product: ImagesTarget;
  onClose(): void;
}

/** A product's images beside the grid: thumbnail first, then sort order; each change goes to the store at once and can be undone. */
export function ImagesPanel({ storeId, product, onClose }: Props) {
  const images = useProductImages(storeId, product.id);
  const action = useImageAction(storeId, product.id);
  const act = (a: ImageAction) => action.mutate(a);
  const list = images.data?.images ?? [];
  const error = action.error ?? images.error;
  return (
    <aside className="images-panel" aria-label={`Images of ${product.name}`}>
      <header className="images-panel-header">
        <h2>
          Images <span className="muted">{product.name}</span>
        </h2>
        <button type="button" className="button small" onClick={onClose} aria-label="Close images">
          ×
        </button>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {images.data?.undo && (
        <button type="button" className="button small images-undo" disabled={action.isPending} onClick={() => act({ kind: 'undo' })}>
          {images.data.undo.label}
        </button>
      )}
      <AddImageForm pending={action.isPending && action.variables?.kind === 'add'} disabled={action.isPending} onAdd={(imageUrl, description, added) => action.mutate({ kind: 'add', imageUrl, description }, { onSuccess: added })} />
      {images.isPending ? (
        <p className="muted">Reading the images from the store…</p>
      ) : list.length === 0 ? (
        <p className="muted">This product has no images.</p>
      ) : (
        <ul className="images-list" aria-label="Images">
          {list.map((image) => (
            <ImageItem key={image.id} image={image} productName={product.name} busy={action.isPending} act={act} />
          ))}
        </ul>
      )}
    </aside>
  );
}

/** The typed URL stays until the store has taken it: a refusal loses nothing. */
function AddImageForm({ pending, disabled, onAdd }: { pending: boolean; disabled: boolean; onAdd(url: string, description: string, added: () => void): void }) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = ImageUrl.safeParse(url);
    if (!checked.success) return setProblem(checked.error.issues[0]?.message ?? 'not a valid address');
    setProblem(null);
    onAdd(checked.data, description, () => {
      setUrl('');
      setDescription('');
    });
  };
  return (
    <form className="images-add" aria-label="Add an image" onSubmit={submit} noValidate>
      <label className="field">
        Image URL
        <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/photo.jpg" aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'image-url-problem' : undefined} />
      </label>
      {problem && (
        <span id="image-url-problem" className="field-problem">
          {problem}
        </span>
      )}
      <label className="field">
        Description (optional)
        <input value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <button type="submit" className="button small primary" disabled={disabled}>
        {pending ? 'Adding… (the store downloads it)' : 'Add image'}
      </button>
    </form>
  );
}

function ImageItem({ image, productName, busy, act }: { image: ProductImage; productName: string; busy: boolean; act(a: ImageAction): void }) {
  const [description, setDescription] = useState(image.description);
  const changed = description !== image.description;
  return (
    <li className="images-item" aria-label={`Image ${image.id}`}>
      <span className="images-frame">
        <img src={image.url_thumbnail} alt={image.description || productName} width={88} height={116} loading="lazy" decoding="async" referrerPolicy="no-referrer" />
      </span>
      <div className="images-item-body">
        {image.is_thumbnail ? (
          <span className="images-badge">Thumbnail</span>
        ) : (
          <button type="button" className="button small" disabled={busy} onClick={() => act({ kind: 'thumbnail', imageId: image.id })}>
            Make thumbnail
          </button>
        )}
        <label className="field">
          Description
          <input value={description} onChange={(e) => setDescription(e.target.value)} aria-label={`Description of image ${image.id}`} />
        </label>
        <span className="images-item-actions">
          {changed && (
            <button type="button" className="button small" disabled={busy} onClick={() => act({ kind: 'describe', imageId: image.id, description })}>
              Save description
            </button>
          )}
          <button type="button" className="button small danger" disabled={busy} onClick={() => act({ kind: 'remove', imageId: image.id })} aria-label={`Remove image ${image.id}`}>
            Remove
          </button>
        </span>
      </div>
    </li>
  );
}
