import { useState } from 'react';
import { App, Button } from 'antd';
import { ApartmentOutlined, EditOutlined, SendOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecuperationBatch } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { recuperationApi, recuperationKeys } from '../../api/recuperation.api';
import { formatTime } from '../../app/time';
import { RecuperationBatchFormModal } from './recuperation-batch-form-modal.component';
import { RecuperationNominateModal } from './recuperation-nominate-modal.component';
import { QuotaModal } from '../activities/quota-modal.component';

type DialogKind = 'edit' | 'quota' | 'nominate';
/** The batch as it was when the dialog opened (a background refetch must not reset a form being filled in). */
interface Dialog {
  kind: DialogKind;
  batch: RecuperationBatch;
}

/** 编辑 / 发布 / 分配名额 / 推荐参加, as the server's abilities allow. */
export function RecuperationBatchActions({ batch: b }: { batch: RecuperationBatch }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const open = (kind: DialogKind) => setDialog({ kind, batch: b });
  const close = () => setDialog(null);
  const shown = (kind: DialogKind): RecuperationBatch | null => (dialog?.kind === kind ? dialog.batch : null);

  const refresh = (next: RecuperationBatch) => {
    queryClient.setQueryData(recuperationKeys.detail(next.id), next);
    void queryClient.invalidateQueries({ queryKey: recuperationKeys.all });
  };

  const publish = useMutation({
    mutationFn: () => recuperationApi.publish(b.id),
    onSuccess: (next) => {
      void message.success('批次已发布,会员可在报名时间内报名');
      refresh(next);
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const confirmPublish = () =>
    modal.confirm({
      title: `发布批次「${b.title}」?`,
      content: `发布后会员可在 ${formatTime(b.signupOpensAt, 'YYYY-MM-DD HH:mm')} 至 ${formatTime(b.signupClosesAt, 'YYYY-MM-DD HH:mm')} 报名;发布后不能再修改批次内容。`,
      okText: '发布',
      cancelText: '再看看',
      onOk: () => publish.mutateAsync().catch(() => undefined),
    });

  return (
    <>
      {b.abilities.canEdit ? (
        <Button icon={<EditOutlined />} onClick={() => open('edit')} data-testid="batch-edit">
          编辑
        </Button>
      ) : null}
      {b.abilities.canPublish ? (
        <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} onClick={confirmPublish} data-testid="batch-publish">
          发布
        </Button>
      ) : null}
      {b.abilities.canAllocate ? (
        <Button icon={<ApartmentOutlined />} onClick={() => open('quota')} data-testid="batch-allocate">
          分配名额
        </Button>
      ) : null}
      {b.abilities.canNominate ? (
        <Button icon={<UserAddOutlined />} onClick={() => open('nominate')} data-testid="batch-nominate">
          推荐参加
        </Button>
      ) : null}
      <RecuperationBatchFormModal target={shown('edit')} onClose={close} onSaved={refresh} />
      <QuotaModal
        offering={shown('quota')}
        formName="recuperation-quota-form"
        orgExtra="须为主办单位(或分到名额的单位)的下级工会"
        allocate={recuperationApi.allocateQuota}
        detailKey={recuperationKeys.detail}
        allKey={recuperationKeys.all}
        onClose={close}
      />
      <RecuperationNominateModal batch={shown('nominate')} onClose={close} />
    </>
  );
}
