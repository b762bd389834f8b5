import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PayoutBatch } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { fileApi } from '../../api/file.api';
import { ledgerApi, type CreatedBatch } from '../../api/ledger.api';
import { queryKeys } from '../../api/query-keys';
import { formatYuan } from '../../components/money';

/** 生成代发批次 and 导出银行文件, each after a confirmation. */
export function useBatchActions(onCreated?: (created: CreatedBatch) => void) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();

  const create = useMutation({
    mutationFn: (fundId: string) => ledgerApi.createBatch(fundId),
    onSuccess: (created) => {
      const { batch, skippedWithoutAccount } = created;
      void message.success(`已生成代发批次:${batch.count} 笔,共 ${formatYuan(batch.totalFen)}`);
      if (skippedWithoutAccount > 0) void message.warning(`另有 ${skippedWithoutAccount} 笔收款人未登记银行账号,未纳入本批次`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.funds });
      onCreated?.(created);
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const confirmCreate = (fund: { id: string; name: string }, pending?: number) =>
    modal.confirm({
      title: '生成银行代发批次?',
      content: `将「${fund.name}」${pending ? `的 ${pending} 笔` : '所有'}待代发支付纳入一个新批次,生成后即可下载银行代发文件。`,
      okText: '生成批次',
      onOk: () => create.mutateAsync(fund.id).catch(() => undefined),
    });

  const confirmExport = (batch: PayoutBatch) =>
    modal.confirm({
      title: '下载银行代发文件?',
      content: `文件含 ${batch.count} 名收款人的完整银行账号,共 ${formatYuan(batch.totalFen)}。下载将记入审计日志,请仅交银行办理代发,用后及时删除。`,
      okText: '下载',
      onOk: () =>
        fileApi.download(ledgerApi.exportPath(batch.id), `代发批次-${batch.id.slice(0, 8)}.xlsx`).catch((error: unknown) => {
          void message.error(errorMessage(error));
        }),
    });

  return { confirmCreate, confirmExport, creating: create.isPending };
}
