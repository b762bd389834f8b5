import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { Job } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import type { ExportResult, JobStarted } from '../api/contract-types';
import { exportResultOf, fileApi } from '../api/file.api';
import { JobProgress } from './job-progress.component';

export interface ExportOptions {
  unmasked: boolean;
  /** required for an unmasked export (audited) */
  reason?: string;
}

interface ExportButtonProps {
  /** the dialog's title, e.g. 导出会员 */
  title: string;
  /** posts the export with the caller's filters → 202 `{ jobId }` */
  start: (options: ExportOptions) => Promise<JobStarted>;
  /** file name when the server sends none */
  fallbackName: string;
  label?: string;
  /** what will be exported (the filters in words) */
  description?: ReactNode;
  /** offer 明文导出; the caller checks the permission (e.g. member:member:export-unmasked) */
  allowUnmasked?: boolean;
  disabled?: boolean;
  testId?: string;
}

interface OptionValues {
  mode: 'masked' | 'unmasked';
  reason?: string;
}

/** 脱敏 or 明文 (with a reason); its own form, mounted only while the user chooses. */
function ExportOptionsForm({ onSubmit, onCancel }: { onSubmit: (options: ExportOptions) => void; onCancel: () => void }) {
  const [form] = Form.useForm<OptionValues>();
  const mode = Form.useWatch('mode', form);
  const submit = (v: OptionValues) => onSubmit({ unmasked: v.mode === 'unmasked', reason: v.mode === 'unmasked' ? v.reason?.trim() : undefined });
  return (
    <Form<OptionValues> name="export-options" form={form} layout="vertical" initialValues={{ mode: 'masked' }} onFinish={submit}>
      <Form.Item name="mode" label="导出方式">
        <Radio.Group
          options={[
            { value: 'masked', label: '脱敏导出(身份证号、手机号等以 * 遮挡)' },
            { value: 'unmasked', label: '明文导出' },
          ]}
        />
      </Form.Item>
      {mode === 'unmasked' ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="明文导出包含完整的身份证号、手机号和银行卡号,将连同导出原因记入审计日志。请妥善保管导出的文件,用后及时删除。"
          />
          <Form.Item label="导出原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写导出原因' }]}>
            <Input.TextArea maxLength={200} showCount rows={3} placeholder="如:报送市总工会会员实名制核查" />
          </Form.Item>
        </>
      ) : null}
      <Flex justify="end" gap={8}>
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" htmlType="submit">
          开始导出
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * 导出: posts the export, follows the background job with a progress bar and downloads the file when
 * it is ready. With `allowUnmasked` the user first chooses 脱敏 or 明文 (with a reason, audited).
 */
export function ExportButton({ title, start, fallbackName, label = '导出', description, allowUnmasked, disabled, testId }: ExportButtonProps) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const downloaded = useRef<string | null>(null);

  const download = useMutation({
    mutationFn: (r: ExportResult) => fileApi.downloadFile(r.fileId, fallbackName),
    onError: (error) => void message.error(`下载失败:${errorMessage(error)}`),
  });
  const run = useMutation({
    mutationFn: (options: ExportOptions) => start(options),
    onSuccess: (answer) => setJobId(answer.jobId),
  });

  const startDownload = download.mutate;
  const onFinished = useCallback(
    (job: Job) => {
      if (job.status !== 'succeeded') return;
      const r = exportResultOf(job.result);
      setResult(r);
      if (r && downloaded.current !== job.id) {
        downloaded.current = job.id;
        startDownload(r);
      }
    },
    [startDownload],
  );

  const openDialog = () => {
    setJobId(null);
    setResult(null);
    run.reset();
    setOpen(true);
    if (!allowUnmasked) run.mutate({ unmasked: false });
  };

  const choosing = allowUnmasked && !jobId && !run.isPending && !run.isError;

  return (
    <>
      <Button icon={<ExportOutlined />} onClick={openDialog} disabled={disabled} data-testid={testId}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        footer={choosing ? null : <Button onClick={() => setOpen(false)}>{result ? '完成' : '关闭'}</Button>}
      >
        {description ? <Typography.Paragraph type="secondary">{description}</Typography.Paragraph> : null}
        {choosing ? <ExportOptionsForm onSubmit={(options) => run.mutate(options)} onCancel={() => setOpen(false)} /> : null}
        {run.isPending ? <Typography.Text type="secondary">正在提交导出任务…</Typography.Text> : null}
        {run.isError ? <Alert type="error" showIcon title={`导出失败:${errorMessage(run.error)}`} /> : null}
        {jobId ? <JobProgress jobId={jobId} title="导出进度" onFinished={onFinished} /> : null}
        {result ? (
          <Space orientation="vertical" style={{ marginTop: 12 }}>
            <Typography.Text data-testid="export-result">
              导出完成,共 {result.rows} 条记录{download.isPending ? ',正在下载…' : ',文件已开始下载。'}
            </Typography.Text>
            <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate(result)}>
              重新下载
            </Button>
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
