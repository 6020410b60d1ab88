import type { StoreDb } from '../state/store-db';
import type { StoreProfile } from '../seed/profiles';
import type { RateLimiter } from './rate-limit';
import type { BlobStore } from '../cdn/blob-store';

/** Everything the routes need to know about one emulated store. */
export interface StoreRuntime {
  profile: StoreProfile;
  db: StoreDb;
  rate: RateLimiter;
  /** Origin of the demo store, for absolute resource links in V2 bodies. */
  apiBase: () => string;
  /** Bytes of images added by URL (shared by the stores of one demo store). */
  blobs: BlobStore;
}
