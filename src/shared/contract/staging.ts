import { z } from 'zod';
import { event, method } from './define';
import { checkedList } from './issues';
import { cellKey, ENTITIES, JobEditFields, JobEditsSchema, JobSummarySchema, JsonValueSchema, MAX_EDITS, refineEdit } from './jobs-schema';
import { StoreId } from './stores';

/**
 * Staged edits: cell edits the grids keep until the merchant applies them as a bulk job.
 * An edit is a JobEdit (same allow-list and value checks) plus when it was first staged, the job
 * applying it right now, and what the last job that did not apply it said.
 */
export const NOTE_STATUSES = ['failed', 'conflict', 'skipped'] as const;

export const StagedNoteSchema = z.strictObject({
  status: z.enum(NOTE_STATUSES),
  message: z.string().optional(),
  /** For a conflict: what the store had (same type conventions as the edit). */
  serverValue: JsonValueSchema.optional(),
  /**
   * The job that left the note. A paused, interrupted or failed job can be resumed later, even
   * after a restart: if it then applies the edit (same from and to), the edit leaves staging.
   */
  jobId: z.string().max(64).optional(),
});
export type StagedNote = z.infer<typeof StagedNoteSchema>;

/** A job edit whose `from` is the value the store had when the merchant first touched the cell. */
export const StagedEditSchema = JobEditFields.extend({
  stagedAt: z.string(),
  /** The job applying this edit now; such an edit cannot be restaged or discarded. */
  jobId: z.string().optional(),
  note: StagedNoteSchema.optional(),
}).superRefine(refineEdit);
export type StagedEdit = z.infer<typeof StagedEditSchema>;

const STAGED_KEY_PATTERN = new RegExp(`^(${ENTITIES.join('|')}):[1-9][0-9]{0,15}:[a-z_]{1,64}$`);
const STAGED_KEY_MESSAGE = 'a staged key is entity:id:field';


/** A staged edit's key is its cell's (see cellKey). */
export const stagedKey = cellKey;

/** One staged cell: `${entity}:${id}:${field}`. */
const isStagedKey = (v: unknown): boolean => typeof v === 'string' && v.length <= 120 && STAGED_KEY_PATTERN.test(v);
const Keys = checkedList<string>((v) => (isStagedKey(v) ? null : STAGED_KEY_MESSAGE), 1, MAX_EDITS);
const Revision = z.number().int().nonnegative();
export const StagingCountSchema = z.object({ revision: Revision, count: z.number().int().nonnegative() });
export type StagingCount = z.infer<typeof StagingCountSchema>;

export const StageParams = z.strictObject({
  storeId: StoreId,
  edits: JobEditsSchema,
  /** Take each edit's `from` as given even where the cell is staged already: "Keep mine" after a conflict, against the store's value now. */
  rebase: z.boolean().optional(),
});
export const DiscardParams = z.strictObject({ storeId: StoreId, keys: Keys.optional() });
export const ApplyStagedParams = z.strictObject({ storeId: StoreId, title: z.string().trim().min(1).max(200), keys: Keys.optional() });

export const stagingMethods = {
  'staging.list': method(
    z.strictObject({ storeId: StoreId }),
    z.object({ revision: Revision, edits: z.array(StagedEditSchema) }),
    'The edits staged for a store, and the revision they are at.',
  ),
  'staging.stage': method(
    StageParams,
    StagingCountSchema,
    'Stage cell edits (upsert by entity:id:field; the first `from` stays; typing the original back unstages).',
  ),
  'staging.discard': method(DiscardParams, StagingCountSchema, 'Unstage these keys (all when omitted); not those a running job is applying.'),
  'staging.apply': method(
    ApplyStagedParams,
    JobSummarySchema,
    'Start a bulk job of these staged edits (all not already in a job when omitted); what it does not apply stays staged.',
  ),
};

export const stagingEvents = {
  'staging.changed': event(
    z.object({ storeId: StoreId, revision: Revision, count: z.number().int().nonnegative() }),
    'The staged edits of a store changed (count is how many are staged now).',
  ),
};
