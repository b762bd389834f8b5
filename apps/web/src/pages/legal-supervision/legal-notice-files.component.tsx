import { App, Card } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { LEGAL_PROOF_LABELS, LEGAL_PROOF_TYPES, LEGAL_REPLY_LABELS, LEGAL_REPLY_TYPES, type Attachment, type LegalNotice } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import type { AttachmentApi } from '../../api/attachment.api';
import { legalApi } from '../../api/legal-supervision.api';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';

function FileCard({ n, title, testId, items, files, labels, onChanged }: { n: LegalNotice; title: string; testId: string; items: Attachment[]; files: AttachmentApi<LegalNotice>; labels: Record<string, string>; onChanged: (next: LegalNotice) => void }) {
  const { message } = App.useApp();
  const upload = useMutation({ mutationFn: ({ type, file }: { type: string; file: File }) => files.upload(n.id, type, file), onSuccess: onChanged, onError: (e) => void message.error(errorMessage(e)) });
  const remove = useMutation({ mutationFn: (fileId: string) => files.remove(n.id, fileId), onSuccess: onChanged, onError: (e) => void message.error(errorMessage(e)) });
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      <AttachmentList items={items} labelOf={(t) => labels[t] ?? t} href={(fileId) => files.href(n.id, fileId)} onRemove={n.abilities.canAttach ? (id) => remove.mutate(id) : undefined} removing={remove.isPending ? (remove.variables ?? null) : null} />
      {n.abilities.canAttach ? (
        <div style={{ marginTop: 8 }}>
          <AttachmentUpload options={Object.entries(labels).map(([value, label]) => ({ value, label }))} busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} />
        </div>
      ) : null}
    </Card>
  );
}

/** 送达凭证 and 回复与整改材料 through the platform's attachment routes. */
export function LegalNoticeFiles({ n, onChanged }: { n: LegalNotice; onChanged: (next: LegalNotice) => void }) {
  const proof = Object.fromEntries(LEGAL_PROOF_TYPES.map((t) => [t, LEGAL_PROOF_LABELS[t]]));
  const reply = Object.fromEntries(LEGAL_REPLY_TYPES.map((t) => [t, LEGAL_REPLY_LABELS[t]]));
  return (
    <>
      <FileCard n={n} title="送达凭证" testId="files-delivery-proof" items={n.deliveryProof} files={legalApi.deliveryProof} labels={proof} onChanged={onChanged} />
      <FileCard n={n} title="回复与整改材料" testId="files-reply" items={n.replyFiles} files={legalApi.replyFiles} labels={reply} onChanged={onChanged} />
    </>
  );
}
