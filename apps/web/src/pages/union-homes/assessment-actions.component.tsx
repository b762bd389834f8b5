import { useState } from 'react';
import { App, Button, Flex, Input, Modal, Popconfirm, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Assessment } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import type { FlowAction } from '../../api/assessment.api';
import { useAssessmentUse } from './assessment-use';

type Dialog = { kind: 'return' | 'confirm' | 'revoke' | 'approve' } | null;

const TITLES = { return: '退回修改', confirm: '确认等级', revoke: '撤销考评结果', approve: '审核通过,报市总工会确认' } as const;

/** The flow buttons the assessment's abilities allow: 提交 / 撤回 (the union), 审核通过 / 退回 (the district), 确认等级 / 撤销 (the city). */
export function AssessmentActions({ a, onChanged, beforeSubmit }: { a: Assessment; onChanged: (next: Assessment) => void; beforeSubmit: () => Promise<void> }) {
  const { message } = App.useApp();
  const { api } = useAssessmentUse();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');
  const act = useMutation({
    mutationFn: async ({ action, opinion }: { action: FlowAction | 'revoke'; opinion?: string }) => {
      if (action === 'revoke') return api.revoke(a.id, opinion ?? '');
      if (action === 'submit') await beforeSubmit();
      return api.act(a.id, action, opinion);
    },
    onSuccess: (next, { action }) => {
      onChanged(next);
      setDialog(null);
      setText('');
      void message.success({ submit: '已提交,等待区县(市)总工会审核', approve: '已审核通过,报市总工会确认', return: '已退回修改', withdraw: '已撤回', confirm: `已确认等级:${next.gradeLabel ?? ''}`, revoke: '考评结果已撤销' }[action]);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const ab = a.abilities;
  const proposed = a.reviewResult ?? a.selfResult;
  const needsText = dialog?.kind === 'return' || dialog?.kind === 'revoke';
  return (
    <Flex gap={8} wrap>
      {ab.canSubmit ? (
        <Popconfirm title="提交自评?" description="提交后不能再修改自评和佐证材料,除非被退回。" okText="提交" cancelText="取消" onConfirm={() => act.mutate({ action: 'submit' })}>
          <Button type="primary" loading={act.isPending} data-testid="submit-assessment">
            提交自评
          </Button>
        </Popconfirm>
      ) : null}
      {ab.canApprove ? (
        <Button type="primary" onClick={() => setDialog({ kind: 'approve' })} data-testid="approve-assessment">
          审核通过
        </Button>
      ) : null}
      {ab.canConfirm ? (
        <Button type="primary" onClick={() => setDialog({ kind: 'confirm' })} data-testid="confirm-assessment">
          确认等级
        </Button>
      ) : null}
      {ab.canReturn ? (
        <Button onClick={() => setDialog({ kind: 'return' })} data-testid="return-assessment">
          退回修改
        </Button>
      ) : null}
      {ab.canWithdraw ? (
        <Popconfirm title="撤回本次考评?" description="撤回后本次考评作废,可重新开始。" okText="撤回" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => act.mutate({ action: 'withdraw' })}>
          <Button danger type="text" data-testid="withdraw-assessment">
            撤回
          </Button>
        </Popconfirm>
      ) : null}
      {ab.canRevoke ? (
        <Button danger onClick={() => setDialog({ kind: 'revoke' })} data-testid="revoke-assessment">
          撤销结果
        </Button>
      ) : null}
      <Modal
        title={dialog ? TITLES[dialog.kind] : ''}
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        okText={dialog?.kind === 'revoke' ? '撤销' : '确定'}
        okButtonProps={{ danger: dialog?.kind === 'revoke', disabled: needsText && text.trim().length < 2 }}
        confirmLoading={act.isPending}
        onOk={() => dialog && act.mutate({ action: dialog.kind, opinion: text.trim() || undefined })}
        destroyOnHidden
      >
        {dialog?.kind === 'confirm' || dialog?.kind === 'approve' ? (
          <Typography.Paragraph>
            按{a.raterCount}人评分{a.raterCount >= 3 ? '(去掉一个最高分和一个最低分)' : ''}:总分 <b>{proposed?.total ?? '—'}</b>,等级 <b data-testid="proposed-grade">{proposed?.gradeLabel ?? '—'}</b>
            {proposed?.capReasons.length ? <Typography.Text type="warning">({proposed.capReasons.join(';')})</Typography.Text> : null}
          </Typography.Paragraph>
        ) : null}
        {dialog?.kind === 'revoke' ? <Typography.Paragraph type="danger">撤销后该职工之家不再保有此等级,记入审计日志,且不能恢复。</Typography.Paragraph> : null}
        <Input.TextArea rows={3} maxLength={dialog?.kind === 'revoke' ? 500 : 1000} value={text} onChange={(e) => setText(e.target.value)} placeholder={dialog?.kind === 'return' ? '退回意见(必填)' : dialog?.kind === 'revoke' ? '撤销原因(必填)' : '意见(选填)'} data-testid="dialog-text" />
      </Modal>
    </Flex>
  );
}
