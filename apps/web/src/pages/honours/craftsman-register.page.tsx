import { useState } from 'react';
import { App, Button, Flex, InputNumber, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { CraftsmanRegisterItem } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-error';
import { craftsmanApi, craftsmanKeys } from '../../api/craftsman.api';
import { fileApi } from '../../api/file.api';
import { PageTitle } from '../../components/page-title.component';

/** 杭州工匠名录: the craftsmen and 提名奖 the city approved in a year, public-safe fields only, exported to Excel. */
export function CraftsmanRegisterPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const list = useQuery({ queryKey: craftsmanKeys.register(year), queryFn: () => craftsmanApi.register(year) });
  const [exporting, setExporting] = useState(false);
  const download = async () => {
    setExporting(true);
    try {
      await fileApi.download(craftsmanApi.registerExportPath(year), `${year}年度杭州工匠名录.xlsx`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <PageTitle title="杭州工匠名录" extra={<Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()} disabled={(list.data?.length ?? 0) === 0}>导出Excel</Button>} />
      <Typography.Paragraph type="secondary">经市政府批准的年度“杭州工匠”(认定为D类人才)和提名奖名单,只含可公开的信息(不含身份证号、手机号、银行账号)。</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <span>年度</span>
        <InputNumber min={2016} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="craftsman-register-year" />
      </Flex>
      <Table<CraftsmanRegisterItem>
        rowKey="nominationId"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 人` }}
        locale={{ emptyText: `${year}年度暂无经批准的杭州工匠` }}
        data-testid="craftsman-register"
        columns={[
          { title: '称号', dataIndex: 'title', width: 140, render: (v: string) => <Tag color={v === '杭州工匠' ? 'gold' : 'blue'}>{v}</Tag> },
          { title: '姓名', dataIndex: 'name', width: 100, render: (v: string, r) => <Link to={`/honours/craftsman/nominations/${r.nominationId}`}>{v}</Link> },
          { title: '性别', dataIndex: 'gender', width: 60 },
          { title: '职业(工种)', dataIndex: 'trade', width: 150 },
          { title: '工作单位', dataIndex: 'employerName', ellipsis: true },
          { title: '推荐单位', dataIndex: 'nominatingOrgName', width: 160 },
          { title: '证书编号', dataIndex: 'certificateNo', width: 150, render: (v: string | null) => v ?? '—' },
          { title: '批准日期', dataIndex: 'approvedOn', width: 110 },
        ]}
      />
    </>
  );
}
