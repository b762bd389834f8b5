import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Alert, App, Button, Checkbox, Collapse, Flex, Modal, Steps, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { Job } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../api/api-client';
import type { ImportResult } from '../api/contract-types';
import { fileApi, importResultOf } from '../api/file.api';
import { ImportResultView } from './import-result.component';
import { JobProgress } from './job-progress.component';

export interface ImportColumn {
  name: string;
  required?: boolean;
  note: string;
}

export interface ImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** e.g. 导入会员 */
  title: string;
  /** multipart POST path under /api, e.g. /members/import */
  endpoint: string;
  /** GET path of the template file */
  templatePath: string;
  templateName: string;
  /** GET path of a job's full error report */
  errorReportPath: (jobId: string) => string;
  columns: readonly ImportColumn[];
  /** extra rules shown under the column table */
  notes?: ReactNode;
  /** label of the 更新已有记录 option */
  updateExistingLabel: string;
  /** called after a real import finished (refresh lists and counts) */
  onImported?: () => void;
}

type Phase = 'select' | 'checking' | 'checked' | 'importing' | 'done';

const ACCEPT = '.xlsx,.csv';
const MAX_BYTES = 50 * 1024 * 1024;

const columnTable: TableColumnsType<ImportColumn> = [
  { title: '列名', dataIndex: 'name', width: 120, render: (v: string, c) => (c.required ? <Typography.Text strong>{v}</Typography.Text> : v) },
  { title: '必填', dataIndex: 'required', width: 64, render: (v: boolean | undefined) => (v ? <Tag color="red">必填</Tag> : <Tag>可选</Tag>) },
  { title: '说明', dataIndex: 'note' },
];

/** An ApiError's message plus its per-field problems (e.g. a wrong header), as one line. */
function problemText(error: unknown): string {
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    return [error.message, ...error.fieldErrors.map((e) => e.message)].filter((v, i, a) => a.indexOf(v) === i).join(';');
  }
  return errorMessage(error);
}

function stepOf(phase: Phase): number {
  return { select: 0, checking: 1, checked: 1, importing: 2, done: 3 }[phase];
}

/** The wizard's state lives here, so closing the dialog (destroyOnHidden) starts the next import afresh. */
function ImportWizard(props: ImportDialogProps) {
  const { message, modal } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [updateExisting, setUpdateExisting] = useState(false);
  const [phase, setPhase] = useState<Phase>('select');
  const [job, setJob] = useState<{ id: string; dryRun: boolean } | null>(null);
  const [check, setCheck] = useState<{ jobId: string; result: ImportResult } | null>(null);
  const [done, setDone] = useState<{ jobId: string; result: ImportResult } | null>(null);
  const [jobFailed, setJobFailed] = useState(false);
  const { onImported } = props;

  const template = useMutation({
    mutationFn: () => fileApi.download(props.templatePath, props.templateName),
    onError: (error) => void message.error(`模板下载失败:${errorMessage(error)}`),
  });
  const start = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => {
      if (!file) throw new Error('请先选择文件');
      return fileApi.startImport(props.endpoint, file, { dryRun, updateExisting }).then((a) => ({ ...a, dryRun }));
    },
    onMutate: ({ dryRun }) => {
      setJobFailed(false);
      setPhase(dryRun ? 'checking' : 'importing');
    },
    onSuccess: (answer) => setJob({ id: answer.jobId, dryRun: answer.dryRun }),
    onError: (_error, { dryRun }) => setPhase(dryRun ? 'select' : 'checked'),
  });

  const handled = useRef<string | null>(null);
  const onFinished = useCallback(
    (finished: Job) => {
      if (!job || finished.id !== job.id || handled.current === finished.id) return;
      handled.current = finished.id;
      const result = finished.status === 'succeeded' ? importResultOf(finished.result) : null;
      if (!result) {
        setJobFailed(true);
      } else if (job.dryRun) {
        setCheck({ jobId: finished.id, result });
        setPhase('checked');
      } else {
        setDone({ jobId: finished.id, result });
        setPhase('done');
        onImported?.();
      }
    },
    [job, onImported],
  );

  const confirmImport = () => {
    const failed = check?.result.failed ?? 0;
    if (failed === 0) {
      start.mutate({ dryRun: false });
      return;
    }
    modal.confirm({
      title: '确认正式导入?',
      content: `预检发现 ${failed} 行有误,这些行将被跳过,仅导入通过校验的 ${check?.result.valid ?? 0} 行。`,
      okText: '导入',
      cancelText: '取消',
      onOk: () => start.mutate({ dryRun: false }),
    });
  };

  const restart = () => {
    setFile(null);
    setCheck(null);
    setDone(null);
    setJob(null);
    setJobFailed(false);
    start.reset();
    setPhase('select');
  };

  return (
    <div data-testid="import-dialog">
      <Steps
        size="small"
        current={stepOf(phase)}
        status={phase === 'done' ? 'finish' : jobFailed || start.isError ? 'error' : 'process'}
        style={{ marginBottom: 16 }}
        items={[{ title: '选择文件' }, { title: '预检' }, { title: '正式导入' }, { title: '完成' }]}
      />
      {phase === 'select' ? (
        <>
          <Collapse
            size="small"
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'columns',
                label: `文件格式:xlsx 或 csv,首行为列名(${props.columns.filter((c) => c.required).map((c) => c.name).join('、')} 必填)`,
                children: (
                  <>
                    <Table<ImportColumn> size="small" rowKey="name" columns={columnTable} dataSource={[...props.columns]} pagination={false} />
                    {props.notes ? <div style={{ marginTop: 8 }}>{props.notes}</div> : null}
                  </>
                ),
              },
            ]}
          />
          <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">建议先下载模板,按模板填写后上传。</Typography.Text>
            <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
              下载模板
            </Button>
          </Flex>
          <Upload.Dragger
            accept={ACCEPT}
            maxCount={1}
            fileList={file ? [{ uid: 'import-file', name: file.name, status: 'done', size: file.size }] : []}
            beforeUpload={(chosen) => {
              if (!/\.(xlsx|csv)$/i.test(chosen.name)) {
                void message.error('只能上传 xlsx 或 csv 文件');
              } else if (chosen.size > MAX_BYTES) {
                void message.error('文件不能超过 50 MB');
              } else {
                setFile(chosen);
              }
              return Upload.LIST_IGNORE;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽文件到此处</p>
            <p className="ant-upload-hint">支持 .xlsx、.csv,单个文件不超过 50 MB</p>
          </Upload.Dragger>
          <Checkbox checked={updateExisting} onChange={(e) => setUpdateExisting(e.target.checked)} style={{ marginTop: 12 }}>
            {props.updateExistingLabel}
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4 }}>
            不勾选时,已存在的记录保持不变;同一文件重复导入不会产生重复数据。
          </Typography.Paragraph>
        </>
      ) : null}
      {start.isError ? <Alert type="error" showIcon title={problemText(start.error)} style={{ marginBottom: 12 }} /> : null}
      {job ? <JobProgress key={job.id} jobId={job.id} title={job.dryRun ? '预检进度' : '导入进度'} onFinished={onFinished} /> : null}
      {jobFailed ? <Alert type="error" showIcon title="任务未能完成,请检查文件后重试。" style={{ marginTop: 12 }} /> : null}
      {phase === 'checked' && check ? <ImportResultView result={check.result} dryRun reportPath={props.errorReportPath(check.jobId)} /> : null}
      {phase === 'done' && done ? <ImportResultView result={done.result} dryRun={false} reportPath={props.errorReportPath(done.jobId)} /> : null}
      <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
        {phase === 'select' ? (
          <Button type="primary" disabled={!file} loading={start.isPending} onClick={() => start.mutate({ dryRun: true })}>
            预检
          </Button>
        ) : null}
        {phase === 'checked' || jobFailed ? <Button onClick={restart}>重新选择文件</Button> : null}
        {phase === 'checked' ? (
          <Button type="primary" disabled={!check || check.result.valid === 0} loading={start.isPending} onClick={confirmImport}>
            正式导入
          </Button>
        ) : null}
        {phase === 'done' ? (
          <Button type="primary" onClick={props.onClose}>
            完成
          </Button>
        ) : null}
      </Flex>
    </div>
  );
}

/**
 * 导入: explains the columns, offers the template, then 选择文件 → 预检 (dry run: counts, first errors,
 * the full error report) → 正式导入 with progress → result. Used by members and enterprises.
 */
export function ImportDialog(props: ImportDialogProps) {
  return (
    <Modal open={props.open} title={props.title} width={760} footer={null} onCancel={props.onClose} destroyOnHidden mask={{ closable: false }}>
      <ImportWizard {...props} />
    </Modal>
  );
}
