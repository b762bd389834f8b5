import { useState } from 'react';
import { Button, Flex, InputNumber, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { CsrKind, CsrPublished } from '@gonghui/contracts';
import { csrApi, csrKeys } from '../../api/csr.api';
import { CsrGradesChart } from './csr-grades-chart.component';

type Row = CsrPublished['items'][number];

/** 年度公布名单: the year's grade distribution, and the enterprises that reach a grade or are named, ranked by score; exportable. */
export function CsrPublishedList({ kind }: { kind: CsrKind }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const q = useQuery({ queryKey: csrKeys.published(kind, year), queryFn: () => csrApi.published(kind, year) });
  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        年度
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Button icon={<DownloadOutlined />} href={csrApi.exportHref(kind, year)}>
          导出名单
        </Button>
      </Flex>
      <CsrGradesChart kind={kind} year={year} />
      <Table<Row>
        rowKey="assessmentId"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        locale={{ emptyText: `${year}年度尚无确认结果` }}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 80, render: (v: number | null) => v ?? '—' },
          { title: '企业名称', dataIndex: 'enterpriseName' },
          { title: '区县', dataIndex: 'districtName', width: 140, render: (v: string | null) => v ?? '—' },
          { title: '等级 / 命名', dataIndex: 'gradeLabel', width: 200, render: (v: string | null) => (v ? <Tag color="red">{v}</Tag> : '—') },
          { title: '得分', dataIndex: 'finalScore', width: 90, align: 'right', render: (v: number | null) => v ?? '—' },
        ]}
        data-testid="csr-published"
      />
    </>
  );
}
