import { App, Flex, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { EVIDENCE_TYPES, EVIDENCE_TYPE_LABELS, type Assessment, type Criterion } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { useAssessmentUse } from './assessment-use';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';
import type { Item } from './assessment-item-cells.component';

type EvidenceType = (typeof EVIDENCE_TYPES)[number];
const OPTIONS = EVIDENCE_TYPES.map((value) => ({ value, label: EVIDENCE_TYPE_LABELS[value] }));
const labelOf = (t: string) => EVIDENCE_TYPE_LABELS[t as EvidenceType] ?? t;

/** 佐证材料 of one criterion: the files, and upload / delete while the union may edit its self-assessment. */
export function AssessmentEvidence({ a, item, required, kind, onChanged }: { a: Assessment; item: Item; required: boolean; kind: Criterion['kind']; onChanged: (next: Assessment) => void }) {
  const { message } = App.useApp();
  const api = useAssessmentUse().api.evidence;
  const upload = useMutation({
    mutationFn: ({ type, file }: { type: EvidenceType; file: File }) => api.upload(item.id, type, file),
    onSuccess: (next, { file }) => {
      onChanged(next);
      void message.success(`已上传:${file.name}`);
    },
    onError: (e, { file }) => void message.error(`「${file.name}」上传失败:${errorMessage(e)}`),
  });
  const remove = useMutation({ mutationFn: (fileId: string) => api.remove(item.id, fileId), onSuccess: onChanged, onError: (e) => void message.error(errorMessage(e)) });
  // deductions are the reviewers' (spot-checks): the union brings no evidence for them
  const edit = a.abilities.canEdit && kind !== 'deduction';
  if (item.evidence.length === 0 && !edit) return <Typography.Text type="secondary">{required && kind !== 'deduction' ? '未上传(须佐证)' : '—'}</Typography.Text>;
  return (
    <Flex vertical gap={6} data-testid={`evidence-${item.criterionKey}`}>
      {item.evidence.length > 0 ? (
        <AttachmentList items={item.evidence} labelOf={labelOf} href={(fileId) => api.href(item.id, fileId)} onRemove={edit ? (fileId) => remove.mutate(fileId) : undefined} removing={remove.isPending ? (remove.variables ?? null) : null} />
      ) : null}
      {edit ? <AttachmentUpload<EvidenceType> compact options={OPTIONS} initialType="photo" busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} /> : null}
    </Flex>
  );
}
