import { useState } from 'react';
import { App, Button, Flex, Select, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, DOCUMENT_ATTACHMENT_ACCEPT } from '@gonghui/contracts';

interface AttachmentUploadProps<K extends string> {
  /** the material types to choose from */
  options: { value: K; label: string }[];
  /** called with the chosen type and file (already checked for size) */
  onPick: (type: K, file: File) => void;
  busy?: boolean;
  /** the phone layout: the controls one under the other */
  compact?: boolean;
  /** preselected type (e.g. the one still missing) */
  initialType?: K;
  /** also Word and Excel files (notices, course documents) */
  documents?: boolean;
}

/** 上传材料: the material's type, then the file (JPG, PNG or PDF, at most 10 MB; the server checks its bytes). */
export function AttachmentUpload<K extends string>({ options, onPick, busy = false, compact = false, initialType, documents = false }: AttachmentUploadProps<K>) {
  const { message } = App.useApp();
  const [type, setType] = useState<K | undefined>(initialType);
  const pick = (file: File) => {
    if (!type) {
      void message.warning('请先选择材料类型');
    } else if (file.size > ATTACHMENT_MAX_BYTES) {
      void message.error(`「${file.name}」过大:单个文件不能超过 ${ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB`);
    } else {
      onPick(type, file);
    }
    return Upload.LIST_IGNORE;
  };
  return (
    <Flex gap={8} wrap vertical={compact} data-testid="evidence-upload">
      <Select<K> aria-label="材料类型" placeholder="选择材料类型" options={options} value={type} onChange={setType} style={{ minWidth: 200 }} data-testid="evidence-type" />
      <Upload accept={documents ? DOCUMENT_ATTACHMENT_ACCEPT : ATTACHMENT_ACCEPT} showUploadList={false} beforeUpload={pick} disabled={busy || !type}>
        <Button icon={<UploadOutlined />} loading={busy} disabled={!type} block={compact}>
          上传材料
        </Button>
      </Upload>
      <Typography.Text type="secondary" style={{ fontSize: 12, alignSelf: compact ? 'flex-start' : 'center' }}>
        {documents ? 'JPG、PNG、PDF、Word(.docx)或 Excel(.xlsx)' : 'JPG、PNG 或 PDF'},单个不超过 10 MB
      </Typography.Text>
    </Flex>
  );
}
