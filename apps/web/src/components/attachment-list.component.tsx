import { Button, Empty, Flex, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined, FileImageOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { Attachment } from '@gonghui/contracts';

interface AttachmentListProps {
  items: readonly Attachment[];
  /** the type's label (收入证明, 结婚证 ...) */
  labelOf: (type: string) => string;
  /** where a file opens (a new tab) */
  href: (fileId: string) => string;
  /** set when the caller may delete */
  onRemove?: (fileId: string) => void;
  removing?: string | null;
}

/** 1.2 MB, 350 KB */
export function fileSizeText(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Uploaded materials: each file with its type, a link that opens it, and 删除 (with a confirmation) when allowed. */
export function AttachmentList({ items, labelOf, href, onRemove, removing = null }: AttachmentListProps) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未上传材料" style={{ margin: '8px 0' }} />;
  return (
    <Flex vertical gap={6} data-testid="evidence-list">
      {items.map((e) => (
        <Flex key={e.fileId} gap={8} align="center" wrap data-testid="evidence-item">
          {e.mime === 'application/pdf' ? <FilePdfOutlined /> : <FileImageOutlined />}
          <Tag style={{ marginInlineEnd: 0 }}>{labelOf(e.type)}</Tag>
          <Typography.Link href={href(e.fileId)} target="_blank" rel="noopener noreferrer" ellipsis style={{ maxWidth: 260 }}>
            {e.name ?? '查看文件'}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[fileSizeText(e.size), e.uploadedBy].filter(Boolean).join(' · ')}
          </Typography.Text>
          {onRemove ? (
            <Popconfirm title="删除该材料?" description={`删除「${e.name ?? labelOf(e.type)}」后不能恢复。`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => onRemove(e.fileId)}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} loading={removing === e.fileId} aria-label={`删除${e.name ?? ''}`} />
            </Popconfirm>
          ) : null}
        </Flex>
      ))}
    </Flex>
  );
}
