import { Button, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined, FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { AidEvidence } from '@gonghui/contracts';
import { evidenceLabel } from './aid-labels';
import { fileSizeText } from './aid-evidence-rules';

interface EvidenceListProps {
  evidence: readonly AidEvidence[];
  /** where a file opens (a new tab) */
  href: (fileId: string) => string;
  /** set when the caller may delete */
  onRemove?: (fileId: string) => void;
  removing?: string | null;
}

/** 证明材料: each file with its type, a link that opens it, and 删除 (with a confirmation) when allowed. */
export function EvidenceList({ evidence, href, onRemove, removing = null }: EvidenceListProps) {
  if (evidence.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未上传材料" style={{ margin: '8px 0' }} />;
  return (
    <Flex vertical gap={6} data-testid="evidence-list">
      {evidence.map((e) => (
        <Flex key={e.fileId} gap={8} align="center" wrap data-testid="evidence-item">
          {e.mime === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
          <Tag style={{ marginInlineEnd: 0 }}>{evidenceLabel(e.type)}</Tag>
          <Typography.Link href={href(e.fileId)} target="_blank" rel="noopener noreferrer" ellipsis style={{ maxWidth: 260 }}>
            {e.name ?? '查看文件'}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[fileSizeText(e.size), e.uploadedBy].filter(Boolean).join(' · ')}
          </Typography.Text>
          {onRemove ? (
            <Popconfirm title="删除该材料?" description={`删除「${e.name ?? evidenceLabel(e.type)}」后不能恢复。`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => onRemove(e.fileId)}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} loading={removing === e.fileId} aria-label={`删除${e.name ?? ''}`} />
            </Popconfirm>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}
