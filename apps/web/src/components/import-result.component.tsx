import { Alert, App, Button, Col, Row, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../api/api-client';
import type { ImportResult, ImportRowError } from '../api/contract-types';
import { fileApi } from '../api/file.api';

/** How many row errors the dialog lists; the downloadable report has all of them. */
const SHOWN_ERRORS = 20;

const errorColumns: TableColumnsType<ImportRowError> = [
  { title: '行号', dataIndex: 'row', width: 70 },
  { title: '列', dataIndex: 'column', width: 120, render: (v: string) => v || '—' },
  { title: '问题', dataIndex: 'message' },
];

interface ImportResultViewProps {
  result: ImportResult;
  /** true for the 预检 answer (nothing written yet) */
  dryRun: boolean;
  /** `GET` path of the full error report (xlsx) */
  reportPath: string;
}

/** The counts of a 预检 or an import, the first row errors and the full error report. */
export function ImportResultView({ result, dryRun, reportPath }: ImportResultViewProps) {
  const { message } = App.useApp();
  const report = useMutation({
    mutationFn: () => fileApi.download(reportPath, '导入错误报告.xlsx'),
    onError: (error) => void message.error(`下载失败:${errorMessage(error)}`),
  });
  const figures = dryRun
    ? [
        { key: 'total', title: '数据行', value: result.total },
        { key: 'valid', title: '通过校验', value: result.valid, color: '#389e0d' },
        { key: 'failed', title: '有误', value: result.failed, color: result.failed > 0 ? '#cf1322' : undefined },
      ]
    : [
        { key: 'imported', title: '新增', value: result.imported, color: '#389e0d' },
        { key: 'updated', title: '更新', value: result.updated },
        { key: 'skipped', title: '未变动/跳过', value: result.skipped },
        { key: 'failed', title: '有误未导入', value: result.failed, color: result.failed > 0 ? '#cf1322' : undefined },
      ];
  const errors = result.errors.slice(0, SHOWN_ERRORS);

  return (
    <div data-testid={dryRun ? 'import-check-result' : 'import-result'}>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        {figures.map((f) => (
          <Col key={f.key} span={24 / figures.length}>
            <Statistic title={f.title} value={f.value} styles={f.color ? { content: { color: f.color } } : undefined} />
          </Col>
        ))}
      </Row>
      {result.failed === 0 ? (
        <Alert type="success" showIcon title={dryRun ? '全部数据通过校验,可以正式导入。' : '导入完成,没有错误。'} />
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            title={
              dryRun
                ? `${result.failed} 行有误,正式导入时将跳过这些行。请修改后重新导入,或先导入通过校验的 ${result.valid} 行。`
                : `${result.failed} 行有误未导入,请下载错误报告修改后重新导入(已导入的行不会重复)。`
            }
            action={
              <Button size="small" icon={<DownloadOutlined />} loading={report.isPending} onClick={() => report.mutate()}>
                下载错误报告
              </Button>
            }
            style={{ marginBottom: 8 }}
          />
          <Table<ImportRowError>
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            columns={errorColumns}
            dataSource={errors}
            pagination={false}
            scroll={{ y: 240 }}
            locale={{ emptyText: '错误明细见错误报告' }}
          />
          {result.failed > errors.length || result.errors.length > errors.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              仅显示前 {errors.length} 条,完整错误请下载错误报告。
            </Typography.Text>
          ) : null}
        </>
      )}
    </div>
  );
}
