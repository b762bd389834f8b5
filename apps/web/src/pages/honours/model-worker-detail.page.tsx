import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { ModelWorker } from '@gonghui/contracts';
import { modelWorkerApi, modelWorkerKeys } from '../../api/model-worker.api';
import { errorMessage } from '../../api/api-client';
import { formatYuan } from '../../components/money';
import { FullPageSpin } from '../../components/full-page-spin.component';
import { PageTitle } from '../../components/page-title.component';
import { ModelWorkerFormModal } from './model-worker-form-modal.component';
import { CareTags, HonourTags } from './model-worker-tags.component';
import { ModelWorkerPlacements } from './model-worker-placements.component';

type Visit = ModelWorker['visits'][number];

const VISIT_COLUMNS: TableColumnsType<Visit> = [
  { title: '慰问日期', dataIndex: 'visitedOn', width: 110 },
  { title: '送温暖计划', dataIndex: 'planTitle', ellipsis: true },
  { title: '慰问人员', dataIndex: 'visitors', width: 200, ellipsis: true },
  { title: '地点', dataIndex: 'place', width: 160, ellipsis: true },
  { title: '慰问品', dataIndex: 'goodsDescription', width: 140, render: (v: string | null) => v ?? '—' },
  { title: '慰问金', dataIndex: 'moneyFen', width: 100, align: 'right', render: (v: number) => (v > 0 ? formatYuan(v) : '—') },
];

/** One 劳模: identity (masked), honours, care flags, 送温暖 visits and care-home applications. */
export function ModelWorkerDetailPage() {
  const { id = '' } = useParams();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: modelWorkerKeys.detail(id), queryFn: () => modelWorkerApi.get(id) });
  if (q.isPending) return <FullPageSpin />;
  if (q.isError) return <Alert type="error" showIcon title={errorMessage(q.error)} action={<Link to="/honours/model-workers">返回名册</Link>} />;
  const w = q.data;
  return (
    <>
      <PageTitle
        title={`劳模:${w.name}`}
        extra={w.abilities.canEdit ? <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-model-worker">修改</Button> : null}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label="性别 / 出生日期">{`${w.gender === 'male' ? '男' : '女'} · ${w.birthDate}(${w.age}岁)`}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{w.idCard ?? '未登记'}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{w.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="区县(市)">{w.districtName}</Descriptions.Item>
            <Descriptions.Item label="所属工会">{w.orgName}</Descriptions.Item>
            <Descriptions.Item label="工作单位">{w.unit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="会员档案">{w.memberId ? `已关联(会员卡号 ${w.memberCardNo ?? '—'},${w.memberOrgName ?? ''})` : '非在册会员'}</Descriptions.Item>
            <Descriptions.Item label="住址">{w.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="关爱标记"><CareTags w={w} /></Descriptions.Item>
            {w.livesAlone ? <Descriptions.Item label="居住情况">{w.livingNote}</Descriptions.Item> : null}
            <Descriptions.Item label="荣誉" span={3}><HonourTags w={w} /></Descriptions.Item>
            {w.note ? <Descriptions.Item label="备注" span={3}>{w.note}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
        <Card size="small" title="送温暖慰问记录" extra={w.lastVisitedOn ? <Typography.Text type="secondary">最近慰问 {w.lastVisitedOn}</Typography.Text> : null}>
          {w.abilities.canRecordVisit ? (
            <Typography.Paragraph type="secondary">
              在 <Link to="/condolences">送温暖计划</Link> 中登记慰问,类别选“劳模”并在“劳模名册”中选择{w.name},慰问即显示在此处和关爱名单中。
            </Typography.Paragraph>
          ) : null}
          <Table<Visit> rowKey="id" size="small" pagination={false} columns={VISIT_COLUMNS} dataSource={w.visits} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未慰问" /> }} />
        </Card>
        <ModelWorkerPlacements worker={w} />
      </Flex>
      <ModelWorkerFormModal open={editing} worker={w} onClose={() => setEditing(false)} />
    </>
  );
}
