import { stagedKey, type StagedEdit, type StagedNote } from '../../../shared/contract/staging';
import { fieldSpec, sameFieldValue, type Entity, type JobDetail, type JobStatus, type JsonValue, type RowResult } from '../../../shared/contract/jobs-schema';

/** Equal as the field's type sees it: money and decimals numerically ("10.5" equals "10.50"). */
export function sameValue(entity: Entity, field: string, a: JsonValue, b: JsonValue): boolean {
  const spec = fieldSpec(entity, field);
  return spec ? sameFieldValue(spec, a, b) : a === b;
}

export function withoutJob(edit: StagedEdit, note?: StagedNote): StagedEdit {
  const { jobId: _jobId, note: _note, ...rest } = edit;
  return note ? { ...rest, note } : rest;
}

function noteOf(row: RowResult, jobStatus: JobStatus, jobId: string): StagedNote {
  if (row.status === 'pending') return { status: 'skipped', message: `Not applied: the job is ${jobStatus}`, jobId };
  const status = row.status === 'applied' ? 'skipped' : row.status;
  return {
    status,
    jobId,
    ...(row.message !== undefined && { message: row.message }),
    ...(row.serverValue !== undefined && { serverValue: row.serverValue }),
  };
}

/**
 * What a resting job means for the staged edits: its applied rows leave staging, every other row
 * of it stays staged with the job's word on it (a conflict keeps the merchant's from and to: they
 * decide). An edit no job holds that a resumed job applied anyway (same from and to) leaves too.
 */
export function reconcileJob(edits: ReadonlyMap<string, StagedEdit>, detail: JobDetail, reserved: ReadonlySet<string>): { del: string[]; put: StagedEdit[] } {
  const del: string[] = [];
  const put: StagedEdit[] = [];
  for (const row of detail.rows) {
    const key = stagedKey(row.edit);
    const edit = edits.get(key);
    if (!edit || reserved.has(key)) continue;
    if (edit.jobId === detail.id) {
      if (row.status === 'applied') del.push(key);
      else put.push(withoutJob(edit, noteOf(row, detail.status, detail.id)));
    } else if (
      edit.jobId === undefined &&
      row.status === 'applied' &&
      sameValue(edit.entity, edit.field, edit.from, row.edit.from) &&
      sameValue(edit.entity, edit.field, edit.to, row.edit.to)
    ) {
      del.push(key);
    }
  }
  return { del, put };
}
