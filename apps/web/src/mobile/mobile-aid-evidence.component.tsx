import { Button, Flex, Tag, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import type { AidApplication, AidEvidenceType } from '@gonghui/contracts';
import { myAidApi } from '../api/aid.api';
import { errorMessage } from '../api/api-client';
import type { ApplyAidBody } from '../api/contract-types';
import { EvidenceUpload } from '../pages/aid/aid-evidence-upload.component';
import { evidenceLabel } from '../pages/aid/aid-labels';
import { fileSizeText } from '../components/attachment-list.component';

/** A file chosen on the apply form, uploaded once the application exists. */
export interface PickedEvidence {
  key: string;
  type: AidEvidenceType;
  file: File;
}

interface PickerProps {
  picked: readonly PickedEvidence[];
  onChange: (next: PickedEvidence[]) => void;
}

/** The apply form's 证明材料: choose type and file; they are uploaded with the application. */
export function MobileEvidencePicker({ picked, onChange }: PickerProps) {
  return (
    <Flex vertical gap={8}>
      {picked.map((p) => (
        <Flex key={p.key} gap={6} align="center" data-testid="picked-evidence">
          <Tag style={{ marginInlineEnd: 0 }}>{evidenceLabel(p.type)}</Tag>
          <Typography.Text ellipsis style={{ flex: 1 }}>
            {p.file.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {fileSizeText(p.file.size)}
          </Typography.Text>
          <Button type="text" size="small" icon={<CloseOutlined />} aria-label={`移除${p.file.name}`} onClick={() => onChange(picked.filter((x) => x.key !== p.key))} />
        </Flex>
      ))}
      <EvidenceUpload compact onPick={(type, file) => onChange([...picked, { key: `${Date.now()}-${picked.length}-${file.name}`, type, file }])} />
    </Flex>
  );
}

/**
 * Applies with the chosen files: without files it is submitted at once; with files it is saved as
 * a draft, the files are uploaded, then it is submitted. A file that fails leaves the draft (and
 * says which) so the worker can retry on the progress page.
 */
export async function submitWithEvidence(body: ApplyAidBody, picked: readonly PickedEvidence[]): Promise<{ app: AidApplication; failed: string[] }> {
  if (picked.length === 0) return { app: await myAidApi.apply(body), failed: [] };
  const draft = await myAidApi.apply({ ...body, submit: false });
  const failed: string[] = [];
  for (const p of picked) {
    try {
      await myAidApi.evidence.upload(draft.id, p.type, p.file);
    } catch (e) {
      failed.push(`「${p.file.name}」上传失败:${errorMessage(e)}`);
    }
  }
  if (failed.length > 0) return { app: draft, failed };
  try {
    return { app: await myAidApi.act(draft.id, 'submit'), failed };
  } catch (e) {
    return { app: draft, failed: [`提交失败:${errorMessage(e)}`] };
  }
}
