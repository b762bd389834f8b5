import { Descriptions, Empty, Timeline, Typography, type DescriptionsProps } from 'antd';
import type { Hazard } from '@gonghui/contracts';
import { formatTime } from '../../app/time';
import { HazardGradeTag, HazardStatusTag } from './hazard-labels';

/** 上报内容 and 处理结果 of a report, as staff and the reporter see them. */
export function hazardItems(h: Hazard): DescriptionsProps['items'] {
  const place = h.latitude !== null && h.longitude !== null ? `${h.address}(${h.latitude.toFixed(5)}, ${h.longitude.toFixed(5)})` : h.address;
  return [
    { key: 'status', label: '状态', children: <HazardStatusTag status={h.status} overdue={h.overdue} /> },
    { key: 'grade', label: '隐患等级', children: <HazardGradeTag grade={h.grade} /> },
    { key: 'no', label: '编号', children: h.reportNo },
    { key: 'enterprise', label: '企业(单位)', children: h.enterpriseName },
    { key: 'district', label: '区县(市)', children: h.districtName },
    { key: 'org', label: '负责工会', children: h.orgName },
    { key: 'place', label: '隐患地点', children: place },
    { key: 'reporter', label: '上报人', children: h.reporterName },
    { key: 'reported', label: '上报时间', children: formatTime(h.reportedAt, 'YYYY-MM-DD HH:mm') || '未提交' },
    { key: 'description', label: '隐患描述', span: 'filled', children: h.description },
    ...(h.rejectReason ? [{ key: 'reject', label: '不予受理理由', span: 'filled' as const, children: h.rejectReason }] : []),
    ...(h.assignee ? [{ key: 'assignee', label: '整改责任单位', children: h.assignee }] : []),
    ...(h.rectifyDue ? [{ key: 'due', label: '整改期限', children: `${h.rectifyDue}(${h.deadlineWorkdays ?? '—'}个工作日)` }] : []),
    ...(h.rectifyNote ? [{ key: 'rectify', label: '整改情况', span: 'filled' as const, children: h.rectifyNote }] : []),
    ...(h.verifyNote ? [{ key: 'verify', label: '验收意见', span: 'filled' as const, children: h.verifyNote }] : []),
    ...(h.points !== null ? [{ key: 'points', label: '上报积分', children: `${h.points} 分` }] : []),
  ];
}

export function HazardFacts({ hazard, column = 3 }: { hazard: Hazard; column?: number }) {
  return <Descriptions size="small" column={column} items={hazardItems(hazard)} data-testid="hazard-facts" />;
}

/** 整改记录: 交办, 整改, 验收, 退回, 逾期, 积分, 销号. */
export function HazardHistory({ hazard, compact = false }: { hazard: Hazard; compact?: boolean }) {
  if (hazard.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无整改记录" />;
  return (
    <Timeline
      data-testid="hazard-history"
      items={hazard.events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: e.action === 'overdue' || e.action === 'return' ? 'red' : e.action === 'points' || e.action === 'verify' ? 'green' : 'blue',
        title: formatTime(e.at, compact ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm'),
        content: (
          <>
            <Typography.Text strong>{e.actionLabel}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {[e.userName, e.orgName].filter(Boolean).join(' · ')}
            </Typography.Text>
            {e.note ? <div style={{ fontSize: compact ? 12 : 13 }}>{e.note}</div> : null}
          </>
        ),
      }))}
    />
  );
}
