import { App, Button } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-client';
import { cockpitApi, type CockpitReportFormat } from '../../api/cockpit.api';

interface CockpitExportProps {
  orgId: string;
  orgName: string;
  year: number;
}

/** 导出年度统计: the 年度工作统计 of the shown org and year as Excel or PDF (the server builds the file). */
export function CockpitExport({ orgId, orgName, year }: CockpitExportProps) {
  const { message } = App.useApp();
  const download = useMutation({
    mutationFn: (format: CockpitReportFormat) => cockpitApi.downloadReport({ orgId, year }, format, orgName),
    onError: (error) => void message.error(`导出失败:${errorMessage(error)}`),
  });
  const busy = (format: CockpitReportFormat) => download.isPending && download.variables === format;
  return (
    <>
      <Button icon={<FileExcelOutlined />} loading={busy('xlsx')} disabled={download.isPending} onClick={() => download.mutate('xlsx')} data-testid="cockpit-export-xlsx">
        导出年度统计(Excel)
      </Button>
      <Button icon={<FilePdfOutlined />} loading={busy('pdf')} disabled={download.isPending} onClick={() => download.mutate('pdf')} data-testid="cockpit-export-pdf">
        导出年度统计(PDF)
      </Button>
    </>
  );
}
