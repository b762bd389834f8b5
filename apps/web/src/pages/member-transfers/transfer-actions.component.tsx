import { Button, Space } from 'antd';
import type { Transfer } from '@gonghui/contracts';
import { hasPermission } from '../../app/access';
import { useSession } from '../../app/use-session.hook';
import type { TransferActionTarget } from './transfer-action-modal.component';

interface TransferActionsProps {
  transfer: Transfer;
  onAct: (target: TransferActionTarget) => void;
  size?: 'small' | 'middle';
  /** link buttons in table rows, plain buttons elsewhere */
  link?: boolean;
}

/** The actions this user may take on a transfer, from its `abilities`. */
export function TransferActions({ transfer, onAct, size = 'small', link = false }: TransferActionsProps) {
  const { user } = useSession();
  if (!hasPermission(user, 'member:transfer:approve')) return null;
  const { canApprove, canReject, canWithdraw } = transfer.abilities;
  const type = link ? 'link' : undefined;
  return (
    <Space size={link ? 0 : 8} wrap>
      {canApprove ? (
        <Button size={size} type={link ? 'link' : 'primary'} onClick={() => onAct({ transfer, action: 'approve' })}>
          同意
        </Button>
      ) : null}
      {canReject ? (
        <Button size={size} type={type} danger onClick={() => onAct({ transfer, action: 'reject' })}>
          退回
        </Button>
      ) : null}
      {canWithdraw ? (
        <Button size={size} type={type} onClick={() => onAct({ transfer, action: 'withdraw' })}>
          撤回
        </Button>
      ) : null}
    </Space>
  );
}
