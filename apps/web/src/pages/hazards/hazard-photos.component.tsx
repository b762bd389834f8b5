import { App, Button, Empty, Flex, Image, Popconfirm, Typography, Upload } from 'antd';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, HAZARD_PHOTO_ACCEPT, HAZARD_PHOTO_MAX_FILES, type Attachment } from '@gonghui/contracts';

interface HazardPhotosProps {
  items: readonly Attachment[];
  href: (fileId: string) => string;
  onRemove?: (fileId: string) => void;
  /** set when photos may be added: called with each picked file (already checked for size) */
  onPick?: (file: File) => void;
  busy?: boolean;
  size?: number;
  testId?: string;
}

/** Photos as thumbnails (click to enlarge), with 删除 and 拍照/上传 when allowed; JPG or PNG, at most 9, 10 MB each. */
export function HazardPhotos({ items, href, onRemove, onPick, busy = false, size = 96, testId = 'hazard-photos' }: HazardPhotosProps) {
  const { message } = App.useApp();
  const pick = (file: File) => {
    if (file.size > ATTACHMENT_MAX_BYTES) void message.error(`「${file.name}」过大:单张照片不能超过 10 MB`);
    else onPick?.(file);
    return Upload.LIST_IGNORE;
  };
  const full = items.length >= HAZARD_PHOTO_MAX_FILES;
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {items.length === 0 && !onPick ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无照片" style={{ margin: '8px 0' }} /> : null}
      <Flex gap={8} wrap>
        <Image.PreviewGroup>
          {items.map((p) => (
            <Flex key={p.fileId} vertical align="center" gap={2} data-testid="hazard-photo">
              <Image src={href(p.fileId)} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 4 }} alt={p.name ?? '照片'} />
              {onRemove ? (
                <Popconfirm title="删除这张照片?" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => onRemove(p.fileId)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${p.name ?? '照片'}`} />
                </Popconfirm>
              ) : null}
            </Flex>
          ))}
        </Image.PreviewGroup>
        {onPick && !full ? (
          <Upload accept={HAZARD_PHOTO_ACCEPT} multiple showUploadList={false} beforeUpload={pick} disabled={busy}>
            <Button icon={<CameraOutlined />} loading={busy} style={{ width: size, height: size }} data-testid={`${testId}-add`}>
              {busy ? '' : '添加'}
            </Button>
          </Upload>
        ) : null}
      </Flex>
      {onPick ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          JPG 或 PNG 照片,1-{HAZARD_PHOTO_MAX_FILES} 张,每张不超过 10 MB
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
