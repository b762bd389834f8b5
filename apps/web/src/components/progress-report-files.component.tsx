import { App } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { PROGRESS_ATTACHMENT_LABELS, PROGRESS_ATTACHMENT_TYPES, type ProgressReport, type TrackedDetail } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import type { TrackingApi } from '../api/tracking.api';
import { AttachmentList } from './attachment-list.component';
import { AttachmentUpload } from './attachment-upload.component';

type FileType = (typeof PROGRESS_ATTACHMENT_TYPES)[number];
const OPTIONS = PROGRESS_ATTACHMENT_TYPES.map((t) => ({ value: t, label: PROGRESS_ATTACHMENT_LABELS[t] }));
const labelOf = (t: string) => PROGRESS_ATTACHMENT_LABELS[t as FileType] ?? t;

/** The files of one progress report; the reporting org adds or removes them while the item is open. */
export function ProgressReportFiles({ report, api, onChanged }: { report: ProgressReport; api: TrackingApi; onChanged: (d: TrackedDetail) => void }) {
  const { message } = App.useApp();
  const upload = useMutation({ mutationFn: (a: { type: FileType; file: File }) => api.files.upload(report.id, a.type, a.file), onSuccess: onChanged, onError: (e) => void message.error(errorMessage(e)) });
  const remove = useMutation({ mutationFn: (fileId: string) => api.files.remove(report.id, fileId), onSuccess: onChanged, onError: (e) => void message.error(errorMessage(e)) });
  return (
    <>
      {report.attachments.length ? <AttachmentList items={report.attachments} labelOf={labelOf} href={(f) => api.files.href(report.id, f)} onRemove={report.canAttach ? (f) => remove.mutate(f) : undefined} removing={remove.isPending ? (remove.variables ?? null) : null} /> : null}
      {report.canAttach ? <AttachmentUpload options={OPTIONS} busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} /> : null}
    </>
  );
}
