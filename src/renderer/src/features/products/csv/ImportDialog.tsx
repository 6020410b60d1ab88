import { MAX_EDITS } from '../../../../../shared/contract';
import { Dialog } from '../../../components/Dialog';
import type { ImportableColumn } from './csv-headers';
import { changeCount } from './csv-match';
import type { DecimalMark } from './csv-numbers';
import { ImportPreview } from './ImportPreview';
import type { ImportState, LoadedFile } from './useCsvImport';

interface Props {
  state: Exclude<ImportState, { phase: 'idle' }>;
  staging: boolean;
  failure: string | null;
  decimalPlaces: number;
  columnLabel(id: string): string;
  onClose(): void;
  onStage(): void;
  onOptions(file: LoadedFile, mark: DecimalMark, take: ReadonlySet<ImportableColumn>): void;
}

/** The import's dialog: reading progress, then the preview and Stage. */
export function ImportDialog({ state, staging, failure, decimalPlaces, columnLabel, onClose, onStage, onOptions }: Props) {
  const changes = state.phase === 'ready' ? changeCount(state.report) : 0;
  const tooMany = changes > MAX_EDITS;
  return (
    <Dialog
      title={`Import ${'name' in state ? state.name : state.file.name}`}
      onClose={onClose}
      wide
      footer={
        <>
          {tooMany && <span className="error-text small">At most {MAX_EDITS.toLocaleString()} changes per import: split the file.</span>}
          {failure && <span className="error-text small">{failure}</span>}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={state.phase !== 'ready' || changes === 0 || tooMany || staging} onClick={onStage}>
            {staging ? 'Staging…' : `Stage ${changes.toLocaleString()} ${changes === 1 ? 'change' : 'changes'}`}
          </button>
        </>
      }
    >
      {state.phase === 'reading' && (
        <p>
          <progress aria-label="Reading the file" value={state.progress} max={1} /> Reading… {state.rows.toLocaleString()} rows
        </p>
      )}
      {state.phase === 'matching' && <p role="status">Matching {state.file.rows.length.toLocaleString()} rows against the catalog…</p>}
      {state.phase === 'failed' && <p className="error-text">{state.message}</p>}
      {state.phase === 'ready' && (
        <ImportPreview
          file={state.file}
          report={state.report}
          mark={state.mark}
          take={state.take}
          columnLabel={columnLabel}
          decimalPlaces={decimalPlaces}
          onOptions={(mark, take) => onOptions(state.file, mark, take)}
        />
      )}
    </Dialog>
  );
}
