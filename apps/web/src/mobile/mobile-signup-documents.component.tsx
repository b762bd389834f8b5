import { Alert, App, Card, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EnrolmentDocumentType, MemberActivity } from '@gonghui/contracts';
import { memberActivityApi, memberActivityKeys } from '../api/activity-member.api';
import { errorMessage } from '../api/api-client';
import { AttachmentList } from '../components/attachment-list.component';
import { AttachmentUpload } from '../components/attachment-upload.component';
import { asksForDocuments, enrolmentDocumentLabel, enrolmentDocumentOptions } from '../components/enrolment-document-labels';

type MyEnrolment = NonNullable<MemberActivity['myEnrolment']>;

/** 报名材料 of my sign-up (集体婚礼 结婚证, 圆梦计划 学历与社保证明): what is still missing, upload, view, delete. */
export function MobileSignupDocuments({ activity, mine }: { activity: MemberActivity; mine: MyEnrolment }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const docs = memberActivityApi.documents;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: memberActivityKeys.all });
  const upload = useMutation({
    mutationFn: (v: { type: EnrolmentDocumentType; file: File }) => docs.upload(mine.id, v.type, v.file),
    onSuccess: () => void message.success('材料已上传'),
    onError: (e) => void message.error(errorMessage(e)),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => docs.remove(mine.id, fileId),
    onSuccess: () => void message.success('材料已删除'),
    onError: (e) => void message.error(errorMessage(e)),
    onSettled: refresh,
  });
  if (!asksForDocuments(activity.type) && mine.documents.length === 0) return null;
  return (
    <Card size="small" title="报名材料" style={{ marginBottom: 12 }} data-testid="signup-documents">
      {mine.missingDocuments.length > 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`请上传:${mine.missingDocuments.join('、')}`} data-testid="missing-documents" />
      ) : (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          所需材料已上传,工会审核时会查看。
        </Typography.Paragraph>
      )}
      <AttachmentList
        items={mine.documents}
        labelOf={enrolmentDocumentLabel}
        href={(fileId) => docs.href(mine.id, fileId)}
        onRemove={mine.canUploadDocuments ? (fileId) => remove.mutate(fileId) : undefined}
        removing={remove.isPending ? (remove.variables ?? null) : null}
      />
      {mine.canUploadDocuments ? (
        <div style={{ marginTop: 8 }}>
          <AttachmentUpload<EnrolmentDocumentType> compact options={enrolmentDocumentOptions(activity.type)} busy={upload.isPending} onPick={(type, file) => upload.mutate({ type, file })} />
        </div>
      ) : null}
    </Card>
  );
}
