import { useState } from 'react';
import { Alert, Descriptions, Drawer, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Transfer } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import { memberTransferApi } from '../../api/member-transfer.api';
import { queryKeys } from '../../api/query-keys';
import { formatTime } from '../../app/time';
import { TransferActionModal, type TransferActionTarget } from './transfer-action-modal.component';
import { TransferActions } from './transfer-actions.component';
import { TIMELINE_ACTION_LABELS, TRANSFER_STATUS_COLORS, TRANSFER_STATUS_LABELS } from './transfer-labels';

const TIMELINE_COLORS: Record<string, string> = { submit: 'blue', approve: 'green', reject: 'red', withdraw: 'gray' };

function TransferBody({ transfer }: { transfer: Transfer }) {
  const initiatedBy = transfer.initiatedByOrgId === transfer.fromOrgId ? '转出方' : '转入方';
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        items={[
          { key: 'member', label: '会员', children: transfer.memberName },
          { key: 'idCard', label: '身份证号', children: transfer.memberIdCard },
          { key: 'from', label: '转出工会', span: 'filled', children: transfer.fromOrgName },
          { key: 'to', label: '转入工会', span: 'filled', children: transfer.toOrgName },
          { key: 'initiated', label: '发起方', children: initiatedBy },
          { key: 'cross', label: '跨区县', children: transfer.crossDistrict ? '是(须转入地区县总工会审批)' : '否' },
          { key: 'status', label: '状态', children: <Tag color={TRANSFER_STATUS_COLORS[transfer.status]}>{TRANSFER_STATUS_LABELS[transfer.status]}</Tag> },
          { key: 'createdAt', label: '发起时间', children: formatTime(transfer.createdAt) },
          { key: 'reason', label: '接转原因', span: 'filled', children: transfer.reason ?? '—' },
        ]}
      />
      <Typography.Title level={5}>办理记录</Typography.Title>
      <div data-testid="transfer-timeline">
        <Timeline
          items={transfer.timeline.map((t, i) => ({
            key: `${t.at}-${i}`,
            color: TIMELINE_COLORS[t.action] ?? 'gray',
            title: formatTime(t.at),
            content: (
              <>
                <Typography.Text strong>{TIMELINE_ACTION_LABELS[t.action] ?? t.action}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  · {t.orgName} {t.username}
                </Typography.Text>
                {t.opinion ? <div style={{ fontSize: 13 }}>意见:{t.opinion}</div> : null}
              </>
            ),
          }))}
        />
      </div>
    </>
  );
}

interface TransferDetailDrawerProps {
  transferId: string | null;
  onClose: () => void;
}

/** 接转详情: the request, its timeline and the actions the abilities allow. */
export function TransferDetailDrawer({ transferId, onClose }: TransferDetailDrawerProps) {
  // the action dialog lives inside the drawer so it stacks above it
  const [acting, setActing] = useState<TransferActionTarget | null>(null);
  const detail = useQuery({
    queryKey: queryKeys.transfer(transferId ?? ''),
    queryFn: () => memberTransferApi.get(transferId ?? ''),
    enabled: !!transferId,
    staleTime: 0,
  });
  let body;
  if (detail.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (detail.isError) {
    body =
      detail.error instanceof ApiError && detail.error.status === 404 ? (
        <Empty description="接转申请不存在或无权查看" />
      ) : (
        <Alert type="error" showIcon title={errorMessage(detail.error)} />
      );
  } else body = <TransferBody transfer={detail.data} />;

  return (
    <Drawer
      open={!!transferId}
      onClose={onClose}
      size={680}
      destroyOnHidden
      title={detail.data ? `会员接转:${detail.data.memberName}` : '会员接转'}
      extra={detail.data ? <TransferActions transfer={detail.data} onAct={setActing} size="middle" /> : null}
    >
      <div data-testid="transfer-detail">{body}</div>
      <TransferActionModal formName="transfer-detail-action-form" target={acting} onClose={() => setActing(null)} />
    </Drawer>
  );
}
