import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { contributionFen, fenToYuan } from '@gonghui/contracts';
import { contributionApi, contributionKeys, type ContributionListItem } from '../../api/contribution.api';
import { applyMappedServerErrors } from '../../api/form-errors';
import { EnterpriseSelect } from '../../components/enterprise-select.component';
import { yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import { monthOptions } from './dues-labels';

interface Values {
  enterpriseId: string;
  period: string;
  payrollYuan: number;
  note?: string;
}

/** 登记申报 (new) or 更正申报 (a declaration not yet received): the month's payroll, with the 2% shown as it will be computed. */
export function ContributionDeclareModal({ open, editing, rateBp, onClose }: { open: boolean; editing: ContributionListItem | null; rateBp: number; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const payroll = Form.useWatch('payrollYuan', form);
  const payrollFen = typeof payroll === 'number' ? yuanToFen(payroll) : 0;
  const save = useMutation({
    mutationFn: (v: Values) =>
      editing
        ? contributionApi.update(editing.id, { payrollFen: yuanToFen(v.payrollYuan), note: v.note })
        : contributionApi.declare({ enterpriseId: v.enterpriseId, period: v.period, payrollFen: yuanToFen(v.payrollYuan), note: v.note }),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: contributionKeys.all });
      void message.success(`已${editing ? '更正' : '登记'}申报:应拨缴 ${fenToYuan(d.amountFen)} 元`);
      onClose();
    },
    onError: (e) => {
      const rest = applyMappedServerErrors(form, e, { enterpriseId: 'enterpriseId', period: 'period', payrollFen: 'payrollYuan', note: 'note' });
      if (rest) void message.error(rest);
    },
  });
  const initial: Partial<Values> = editing ? { enterpriseId: editing.enterpriseId, period: editing.period, payrollYuan: editing.payrollFen / 100, note: editing.note ?? undefined } : {};
  return (
    <Modal title={editing ? `更正申报:${editing.enterpriseName} ${editing.period}` : '登记工会经费申报'} open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} preserve={false}>
        <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]} extra="须为已建立工会的企业;首次申报即纳入拨缴管理,此后每月未申报计为欠缴。">
          {editing ? <Input disabled value={editing.enterpriseName} /> : <EnterpriseSelect placeholder="企业名称或统一社会信用代码" />}
        </Form.Item>
        <Form.Item name="period" label="所属月份" rules={[{ required: true, message: '请选择所属月份' }]}>
          <Select showSearch options={monthOptions(24)} disabled={!!editing} aria-label="所属月份" placeholder="可输入YYYY-MM查找" />
        </Form.Item>
        <Form.Item name="payrollYuan" label="工资总额(元)" rules={[{ required: true, message: '请填写工资总额' }]} extra="按国家统计局工资总额口径,含奖金、津贴和补贴、加班加点工资等。">
          <YuanInput aria-label="工资总额" max={1_000_000_000} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Typography.Paragraph data-testid="contribution-preview">
          应拨缴工会经费 = 工资总额 × {rateBp / 100}%(四舍五入到分):<Typography.Text strong>{fenToYuan(payrollFen > 0 ? contributionFen(payrollFen, rateBp) : 0)} 元</Typography.Text>
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
