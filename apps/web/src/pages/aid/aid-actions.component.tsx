import { Button, Flex } from 'antd';
import { AuditOutlined, EditOutlined, HomeOutlined, PayCircleOutlined } from '@ant-design/icons';
import type { AidApplication } from '@gonghui/contracts';
import type { AidAction } from '../../api/contract-types';

export type AidDialog = { kind: 'action'; action: AidAction } | { kind: 'edit' } | { kind: 'visit' } | { kind: 'disburse' };

interface AidActionsProps {
  app: AidApplication;
  onOpen: (dialog: AidDialog) => void;
}

/** Exactly the buttons the record's `abilities` allow (the server decides; the UI does not re-implement rules). */
export function AidActions({ app, onOpen }: AidActionsProps) {
  const a = app.abilities;
  const act = (action: AidAction) => () => onOpen({ kind: 'action', action });
  return (
    <Flex gap={8} wrap data-testid="aid-actions">
      {a.canEdit ? (
        <Button icon={<EditOutlined />} onClick={() => onOpen({ kind: 'edit' })}>
          修改
        </Button>
      ) : null}
      {a.canSubmit ? (
        <Button type="primary" onClick={act('submit')}>
          提交
        </Button>
      ) : null}
      {a.canRecordVisit ? (
        <Button icon={<HomeOutlined />} onClick={() => onOpen({ kind: 'visit' })}>
          {app.homeVisit ? '修改入户调查' : '入户调查'}
        </Button>
      ) : null}
      {a.canApprove ? (
        <Button type="primary" icon={<AuditOutlined />} onClick={act('approve')}>
          同意
        </Button>
      ) : null}
      {a.canReturn ? <Button onClick={act('return')}>退回修改</Button> : null}
      {a.canReject ? (
        <Button danger onClick={act('reject')}>
          不同意
        </Button>
      ) : null}
      {a.canReopen ? <Button onClick={act('reopen')}>重新审核</Button> : null}
      {a.canWithdraw ? (
        <Button danger onClick={act('withdraw')}>
          撤回
        </Button>
      ) : null}
      {a.canDisburse ? (
        <Button type="primary" icon={<PayCircleOutlined />} onClick={() => onOpen({ kind: 'disburse' })}>
          发放
        </Button>
      ) : null}
    </Flex>
  );
}
