import type { AidEvidenceType } from '@gonghui/contracts';
import { AttachmentUpload } from '../../components/attachment-upload.component';
import { EVIDENCE_OPTIONS } from './aid-evidence-rules';

interface EvidenceUploadProps {
  onPick: (type: AidEvidenceType, file: File) => void;
  busy?: boolean;
  compact?: boolean;
}

/** 上传证明材料: one of the nine types of the 全总 system, then the file. */
export function EvidenceUpload(props: EvidenceUploadProps) {
  return <AttachmentUpload<AidEvidenceType> options={EVIDENCE_OPTIONS} {...props} />;
}
