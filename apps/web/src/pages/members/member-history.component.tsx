import { Alert, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { MemberStatus } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import type { MemberHistoryItem } from '../../api/contract-types';
import { memberApi } from '../../api/member.api';
import { queryKeys } from '../../api/query-keys';
import { formatTime } from '../../app/time';
import { HISTORY_ACTION_LABELS, HISTORY_FIELD_LABELS, MEMBER_STATUS_LABELS } from './member-labels';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** ids and other values that mean nothing to a reader */
const HIDDEN = new Set(['orgId', 'transferId', 'kind']);

function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '空';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'status' && typeof value === 'string') return MEMBER_STATUS_LABELS[value as MemberStatus] ?? value;
  if (key === 'enterpriseId') return '(已变更)';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** One line per changed field: `手机号:138****0000 → 139****1111`. */
function changeLines(changes: unknown): string[] {
  if (!isRecord(changes)) return [];
  const order = Object.keys(HISTORY_FIELD_LABELS);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.entries(changes)
    .filter(([key]) => !HIDDEN.has(key))
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, value]) => {
      const label = HISTORY_FIELD_LABELS[key] ?? key;
      if (isRecord(value) && 'to' in value) return `${label}:${show(key, value.from)} → ${show(key, value.to)}`;
      return `${label}:${show(key, value)}`;
    });
}

function item(h: MemberHistoryItem) {
  const lines = changeLines(h.changes);
  return {
    key: h.id,
    color: h.action === 'status' ? 'red' : h.action === 'transfer' ? 'blue' : h.action === 'create' ? 'green' : 'gray',
    title: formatTime(h.at),
    content: (
      <>
        <Typography.Text strong>{HISTORY_ACTION_LABELS[h.action] ?? h.action}</Typography.Text>
        <Typography.Text type="secondary"> · {h.username ?? '系统'}</Typography.Text>
        {lines.map((line) => (
          <div key={line} style={{ fontSize: 13 }}>
            {line}
          </div>
        ))}
      </>
    ),
  };
}

/** 变更记录: every change of the member record (masked values only), newest first. */
export function MemberHistory({ memberId }: { memberId: string }) {
  const history = useQuery({ queryKey: queryKeys.memberHistory(memberId), queryFn: () => memberApi.history(memberId) });
  if (history.isPending) return <Skeleton active />;
  if (history.isError) return <Alert type="error" showIcon title={errorMessage(history.error)} />;
  if (history.data.length === 0) return <Empty description="暂无变更记录" />;
  return (
    <div data-testid="member-history">
      <Timeline items={[...history.data].reverse().map(item)} />
    </div>
  );
}
