import { Flex, Tag, Typography } from 'antd';
import type { Enrolment } from '@gonghui/contracts';
import { activityApi } from '../../api/activity.api';
import { enrolmentDocumentLabel } from '../../components/enrolment-document-labels';

/** 报名材料 in the roster: each file as a link that opens it, then what is still missing. */
export function EnrolmentDocumentsCell({ enrolment }: { enrolment: Enrolment }) {
  const { documents, missingDocuments } = enrolment;
  if (documents.length === 0 && missingDocuments.length === 0) return <>—</>;
  return (
    <Flex vertical gap={2} data-testid="enrolment-documents">
      {documents.map((d) => (
        <Typography.Link key={d.fileId} href={activityApi.documents.href(enrolment.id, d.fileId)} target="_blank" rel="noopener noreferrer" ellipsis style={{ maxWidth: 200 }}>
          {enrolmentDocumentLabel(d.type)}
        </Typography.Link>
      ))}
      {missingDocuments.length > 0 ? (
        <Tag color="orange" style={{ marginInlineEnd: 0, width: 'fit-content' }}>
          缺:{missingDocuments.join('、')}
        </Tag>
      ) : null}
    </Flex>
  );
}
