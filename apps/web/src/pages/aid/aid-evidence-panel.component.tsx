import { App, Flex } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { AidApplication, AidEvidenceType } from '@gonghui/contracts';
import type { EvidenceApi } from '../../api/aid.api';
import { errorMessage } from '../../api/api-client';
import { EvidenceList } from './aid-evidence-list.component';
import { canAddEvidence, canRemoveEvidence } from './aid-evidence-rules';
import { EvidenceUpload } from './aid-evidence-upload.component';

interface EvidencePanelProps {
  app: AidApplication;
  /** staff (aidApi.evidence) or the worker's H5 (myAidApi.evidence) */
  api: EvidenceApi;
  onChanged: (app: AidApplication) => void;
  compact?: boolean;
}

/** The application's 证明材料: the list, and upload / delete as far as the case's abilities allow. */
export function EvidencePanel({ app, api, onChanged, compact = false }: EvidencePanelProps) {
  const { message } = App.useApp();
  const upload = useMutation({
    mutationFn: ({ type, file }: { type: AidEvidenceType; file: File }) => api.upload(app.id, type, file),
    onSuccess: (next, { file }) => {
      onChanged(next);
      void message.success(`已上传:${file.name}`);
    },
    onError: (error, { file }) => void message.error(`「${file.name}」上传失败:${errorMessage(error)}`),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => api.remove(app.id, fileId),
    onSuccess: (next) => {
      onChanged(next);
      void message.success('材料已删除');
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Flex vertical gap={12} data-testid="aid-evidence">
      <EvidenceList
        evidence={app.evidence}
        href={(fileId) => api.href(app.id, fileId)}
        onRemove={canRemoveEvidence(app) ? (fileId) => remove.mutate(fileId) : undefined}
        removing={remove.isPending ? (remove.variables ?? null) : null}
      />
      {canAddEvidence(app) ? <EvidenceUpload compact={compact} busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} /> : null}
    </Flex>
  );
}
