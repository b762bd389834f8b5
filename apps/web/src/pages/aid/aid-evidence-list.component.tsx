import type { AidEvidence } from '@gonghui/contracts';
import { AttachmentList } from '../../components/attachment-list.component';
import { evidenceLabel } from './aid-labels';

interface EvidenceListProps {
  evidence: readonly AidEvidence[];
  href: (fileId: string) => string;
  onRemove?: (fileId: string) => void;
  removing?: string | null;
}

/** 证明材料 of an application. */
export function EvidenceList({ evidence, ...rest }: EvidenceListProps) {
  return <AttachmentList items={evidence} labelOf={evidenceLabel} {...rest} />;
}
