import { api, apiDownload } from './api-client';
import type { ExportResult, ImportResult, ImportRowError, JobStarted } from './contract-types';

export interface ImportOptions {
  /** 预检: validate every row, write nothing */
  dryRun: boolean;
  /** rows whose 身份证号 / 信用代码 exists already update that record instead of being skipped */
  updateExisting: boolean;
}

/** Offers a Blob to the user as a download (the object URL is released right after). */
function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Uploads, background jobs and downloads shared by the import dialog and the export button. */
export const fileApi = {
  /** `POST <endpoint>` multipart (`file`, `dryRun`, `updateExisting`) → 202 `{ jobId }`. */
  startImport: (endpoint: string, file: File, options: ImportOptions): Promise<JobStarted> => {
    const form = new FormData();
    // the fields come before the file so a streaming server has them when the file arrives
    form.append('dryRun', options.dryRun ? 'true' : 'false');
    form.append('updateExisting', options.updateExisting ? 'true' : 'false');
    form.append('file', file, file.name);
    return api.upload<JobStarted>(endpoint, form);
  },
  /** Downloads `GET /api<path>` and saves it under the server's file name (or `fallbackName`). */
  download: async (path: string, fallbackName: string): Promise<void> => {
    const { blob, filename } = await apiDownload(path);
    saveBlob(blob, filename ?? fallbackName);
  },
  /** A generated file (an export's result). */
  downloadFile: (fileId: string, fallbackName: string): Promise<void> =>
    fileApi.download(`/files/${encodeURIComponent(fileId)}/download`, fallbackName),
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Reads a finished import job's `result` (unknown in the job contract) into {@link ImportResult}. */
export function importResultOf(result: unknown): ImportResult | null {
  if (!isRecord(result)) return null;
  const errors: ImportRowError[] = Array.isArray(result.errors)
    ? result.errors.filter(isRecord).map((e) => ({
        row: num(e.row),
        column: typeof e.column === 'string' ? e.column : '',
        message: typeof e.message === 'string' ? e.message : String(e.message ?? ''),
      }))
    : [];
  return {
    total: num(result.total),
    valid: num(result.valid),
    failed: num(result.failed),
    imported: num(result.imported),
    updated: num(result.updated),
    skipped: num(result.skipped),
    errors,
  };
}

/** Reads a finished export job's `result` into {@link ExportResult}. */
export function exportResultOf(result: unknown): ExportResult | null {
  if (!isRecord(result) || typeof result.fileId !== 'string') return null;
  return { fileId: result.fileId, rows: num(result.rows) };
}
