import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fenToYuan } from '@gonghui/contracts';
import { contributionApi, contributionKeys, type ContributionListItem } from '../../api/contribution.api';
import { applyServerErrors } from '../../api/form-errors';
import { dayjs } from '../../app/time';

interface Values {
  paidOn: Dayjs;
  reference: string;
}

/** 确认到账: the date and reference; the money is then split into the unions' 经费账户 once. */
export function ContributionPaymentModal({ row, onClose }: { row: ContributionListItem | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) => contributionApi.confirmPayment(row!.id, { paidOn: v.paidOn.format('YYYY-MM-DD'), reference: v.reference }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: contributionKeys.all });
      void message.success('已确认到账,并按分成比例入各级工会经费账户');
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['paidOn', 'reference']);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal title={row ? `确认到账:${row.enterpriseName} ${row.period}` : ''} open={!!row} onCancel={onClose} onOk={() => form.submit()} okText="确认到账" confirmLoading={save.isPending} destroyOnHidden>
      {row ? (
        <Form<Values> form={form} layout="vertical" initialValues={{ paidOn: dayjs() }} onFinish={(v) => save.mutate(v)} preserve={false}>
          <Typography.Paragraph>
            应拨缴 <Typography.Text strong>{fenToYuan(row.amountFen)} 元</Typography.Text>(截止 {row.dueOn})。确认后不能撤销:款项按分成比例一次性记入基层工会及上级工会的经费账户。
          </Typography.Paragraph>
          <Form.Item name="paidOn" label="到账日期" rules={[{ required: true, message: '请选择到账日期' }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="reference" label="到账凭证号" rules={[{ required: true, whitespace: true, message: '请填写到账凭证号' }]} extra="银行回单号或税务代收凭证号。">
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
