import { App, Flex } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { MUTUAL_AID_ATTACHMENT_LABELS, MUTUAL_AID_ATTACHMENT_TYPES, type MutualAidAttachmentType, type MutualAidClaim } from '@gonghui/contracts';
import type { AttachmentApi } from '../../api/attachment.api';
import { errorMessage } from '../../api/api-client';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';

export const ATTACHMENT_OPTIONS = MUTUAL_AID_ATTACHMENT_TYPES.map((value) => ({ value, label: MUTUAL_AID_ATTACHMENT_LABELS[value] }));
const labelOf = (type: string): string => MUTUAL_AID_ATTACHMENT_LABELS[type as MutualAidAttachmentType] ?? type;

interface PanelProps {
  claim: MutualAidClaim;
  /** staff (mutualAidApi.attachments) or the member's H5 (myMutualAidApi.attachments) */
  api: AttachmentApi<MutualAidClaim, MutualAidAttachmentType>;
  onChanged: (claim: MutualAidClaim) => void;
  compact?: boolean;
}

/** 发票及材料: the list, and upload / delete as far as the claim's abilities allow (the server checks the same). */
export function MutualAidAttachments({ claim, api, onChanged, compact = false }: PanelProps) {
  const { message } = App.useApp();
  const upload = useMutation({
    mutationFn: ({ type, file }: { type: MutualAidAttachmentType; file: File }) => api.upload(claim.id, type, file),
    onSuccess: (next, { file }) => { onChanged(next); void message.success(`已上传:${file.name}`); },
    onError: (error, { file }) => void message.error(`「${file.name}」上传失败:${errorMessage(error)}`),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => api.remove(claim.id, fileId),
    onSuccess: (next) => { onChanged(next); void message.success('材料已删除'); },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const open = ['draft', 'returned', 'in_review'].includes(claim.status);
  const canAdd = open && (claim.abilities.canEdit || claim.abilities.canApprove);
  const canRemove = (claim.status === 'draft' || claim.status === 'returned') && claim.abilities.canEdit;
  return (
    <Flex vertical gap={12} data-testid="ma-attachments">
      <AttachmentList items={claim.attachments} labelOf={labelOf} href={(fileId) => api.href(claim.id, fileId)} onRemove={canRemove ? (fileId) => remove.mutate(fileId) : undefined} removing={remove.isPending ? (remove.variables ?? null) : null} />
      {canAdd ? <AttachmentUpload options={ATTACHMENT_OPTIONS} initialType="invoice" compact={compact} busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} /> : null}
    </Flex>
  );
}
