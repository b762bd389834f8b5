import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Skeleton, Space, Tabs, Tag } from 'antd';
import { EditOutlined, SwapOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Member } from '@gonghui/contracts';
import { ApiError, errorMessage } from '../../api/api-client';
import { memberApi } from '../../api/member.api';
import { queryKeys } from '../../api/query-keys';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { TransferCreateModal, type TransferTarget } from '../member-transfers/transfer-create-modal.component';
import { MemberFormModal } from './member-form-modal.component';
import { MemberHistory } from './member-history.component';
import { GENDER_LABELS, MEMBER_FLAGS, MEMBER_STATUS_COLORS, MEMBER_STATUS_LABELS } from './member-labels';
import { RevealableValue } from './member-reveal.component';
import { MemberStatusModal } from './member-status-modal.component';

const dash = (v: string | null | undefined) => (v ? v : '—');

function MemberFields({ member }: { member: Member }) {
  const flags = MEMBER_FLAGS.filter((f) => member[f.key]);
  const reveal = member.abilities.canReveal;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: '姓名', children: member.name },
        { key: 'gender', label: '性别', children: GENDER_LABELS[member.gender] },
        { key: 'birthDate', label: '出生日期', children: member.birthDate },
        { key: 'cardNo', label: '会员卡号', children: member.cardNo },
        { key: 'idCard', label: '身份证号', span: 'filled', children: <RevealableValue memberId={member.id} field="idCard" masked={member.idCard} canReveal={reveal} /> },
        { key: 'phone', label: '手机号', span: 'filled', children: <RevealableValue memberId={member.id} field="phone" masked={member.phone} canReveal={reveal} /> },
        {
          key: 'bankAccount',
          label: '银行卡号',
          span: 'filled',
          children: <RevealableValue memberId={member.id} field="bankAccount" masked={member.bankAccount} canReveal={reveal} />,
        },
        { key: 'org', label: '所在工会', span: 'filled', children: member.orgName },
        { key: 'enterprise', label: '工作单位', span: 'filled', children: dash(member.enterpriseName) },
        { key: 'joinedAt', label: '入会日期', children: dash(member.joinedAt) },
        {
          key: 'status',
          label: '状态',
          children: <Tag color={MEMBER_STATUS_COLORS[member.status]}>{MEMBER_STATUS_LABELS[member.status]}</Tag>,
        },
        ...(member.status !== 'active' || member.statusReason
          ? [
              { key: 'statusDate', label: '状态日期', children: dash(member.statusDate) },
              { key: 'statusReason', label: '状态原因', children: dash(member.statusReason) },
            ]
          : []),
        {
          key: 'flags',
          label: '人员标记',
          span: 'filled' as const,
          children: flags.length === 0 ? '—' : flags.map((f) => <Tag key={f.key}>{f.label}</Tag>),
        },
        { key: 'skillLevel', label: '技能等级', children: dash(member.skillLevel) },
        { key: 'education', label: '学历', children: dash(member.education) },
        { key: 'createdAt', label: '登记时间', span: 'filled', children: formatTime(member.createdAt) },
      ]}
    />
  );
}

interface MemberDetailDrawerProps {
  memberId: string | null;
  onClose: () => void;
}

/** 会员详情: all fields (masked, 查看 per abilities), edit, status change, 转出, and the change history. */
export function MemberDetailDrawer({ memberId, onClose }: MemberDetailDrawerProps) {
  const { user } = useSession();
  // the member as it was when a dialog opened, so a refetch does not reset the dialog's form
  const [dialog, setDialog] = useState<{ kind: 'edit' | 'status' } | { kind: 'transfer'; target: TransferTarget } | null>(null);
  const detail = useQuery({
    queryKey: queryKeys.member(memberId ?? ''),
    queryFn: () => memberApi.get(memberId ?? ''),
    enabled: !!memberId,
    staleTime: 0,
  });
  const member = detail.data;
  const canEdit = !!member?.abilities.canEdit && hasPermission(user, 'member:member:update');
  const canStatus = !!member?.abilities.canChangeStatus && hasPermission(user, 'member:member:update') && member.status !== 'deceased';
  const canTransfer = !!member?.abilities.canTransfer && hasPermission(user, 'member:transfer:create');

  let body;
  if (detail.isPending) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (detail.isError) {
    body =
      detail.error instanceof ApiError && detail.error.status === 404 ? (
        <Empty description="会员不存在或无权查看" />
      ) : (
        <Alert type="error" showIcon title={errorMessage(detail.error)} />
      );
  } else {
    body = (
      <Tabs
        items={[
          { key: 'info', label: '基本信息', children: <MemberFields member={detail.data} /> },
          { key: 'history', label: '变更记录', children: <MemberHistory memberId={detail.data.id} /> },
        ]}
      />
    );
  }

  return (
    <Drawer
      open={!!memberId}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={member ? `会员详情:${member.name}` : '会员详情'}
      extra={
        member ? (
          <Space wrap>
            {canEdit ? (
              <Button icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit' })}>
                编辑
              </Button>
            ) : null}
            {canStatus ? (
              <Button icon={<UserSwitchOutlined />} onClick={() => setDialog({ kind: 'status' })}>
                变更状态
              </Button>
            ) : null}
            {canTransfer ? (
              <Button icon={<SwapOutlined />} onClick={() => setDialog({ kind: 'transfer', target: { mode: 'out', member } })}>
                转出
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      <div data-testid="member-detail">{body}</div>
      <MemberFormModal formName="member-edit-form" target={dialog?.kind === 'edit' && member ? member : null} onClose={() => setDialog(null)} />
      <MemberStatusModal member={dialog?.kind === 'status' && member ? member : null} onClose={() => setDialog(null)} />
      <TransferCreateModal formName="transfer-out-form" target={dialog?.kind === 'transfer' ? dialog.target : null} onClose={() => setDialog(null)} />
    </Drawer>
  );
}
