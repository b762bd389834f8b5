import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, Table } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MUTUAL_AID_DEFAULT_OVERALL_CAP_FEN, MUTUAL_AID_LATE_POLICY_LABELS, MUTUAL_AID_PARTS, MUTUAL_AID_PART_LABELS, type MutualAidLatePolicy, type MutualAidPart, type MutualAidPeriod } from '@gonghui/contracts';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid.api';
import { applyMappedServerErrors } from '../../api/form-errors';
import { fenToYuanNumber, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';
import { useFundOptions } from '../aid/use-fund-options.hook';

interface PartValues {
  part: MutualAidPart;
  enabled: boolean;
  ratioPercent: number;
  deductibleYuan: number;
  capYuan: number;
  contributionYuan: number;
  allowancePerDayYuan: number;
  allowanceMaxDays: number;
}

interface PeriodValues {
  year: number;
  name: string;
  startsOn: string;
  endsOn: string;
  enrolDeadline: string;
  latePolicy: MutualAidLatePolicy;
  lateWaitingDays: number;
  overallCapYuan: number;
  fundId: string;
  note?: string;
  parts: PartValues[];
}

const DEFAULT_PARTS: Record<MutualAidPart, Omit<PartValues, 'part'>> = {
  inpatient: { enabled: true, ratioPercent: 60, deductibleYuan: 1000, capYuan: 30_000, contributionYuan: 50, allowancePerDayYuan: 0, allowanceMaxDays: 0 },
  outpatient: { enabled: true, ratioPercent: 50, deductibleYuan: 500, capYuan: 10_000, contributionYuan: 20, allowancePerDayYuan: 0, allowanceMaxDays: 0 },
  serious_illness: { enabled: true, ratioPercent: 70, deductibleYuan: 0, capYuan: 50_000, contributionYuan: 30, allowancePerDayYuan: 50, allowanceMaxDays: 60 },
  women_special: { enabled: true, ratioPercent: 80, deductibleYuan: 0, capYuan: 10_000, contributionYuan: 10, allowancePerDayYuan: 0, allowanceMaxDays: 0 },
};

function initialValues(p: MutualAidPeriod | null): Partial<PeriodValues> {
  const year = p?.year ?? new Date().getFullYear() + 1;
  if (!p) {
    return {
      year, name: `${year}年度职工医疗互助`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, enrolDeadline: `${year - 1}-12-15`, latePolicy: 'waiting', lateWaitingDays: 90,
      overallCapYuan: MUTUAL_AID_DEFAULT_OVERALL_CAP_FEN / 100, parts: MUTUAL_AID_PARTS.map((part) => ({ part, ...DEFAULT_PARTS[part] })),
    };
  }
  return {
    year: p.year, name: p.name, startsOn: p.startsOn, endsOn: p.endsOn, enrolDeadline: p.enrolDeadline, latePolicy: p.latePolicy, lateWaitingDays: p.lateWaitingDays,
    overallCapYuan: fenToYuanNumber(p.overallCapFen), fundId: p.fundId, note: p.note ?? undefined,
    parts: p.parts.map((r) => ({ part: r.part, enabled: r.enabled, ratioPercent: r.ratioBp / 100, deductibleYuan: r.deductibleFen / 100, capYuan: r.capFen / 100, contributionYuan: r.contributionFen / 100, allowancePerDayYuan: r.allowancePerDayFen / 100, allowanceMaxDays: r.allowanceMaxDays })),
  };
}

const FIELD_MAP: Record<string, string> = {
  year: 'year', name: 'name', startsOn: 'startsOn', endsOn: 'endsOn', enrolDeadline: 'enrolDeadline', latePolicy: 'latePolicy', lateWaitingDays: 'lateWaitingDays', overallCapFen: 'overallCapYuan', fundId: 'fundId', note: 'note',
  ...Object.fromEntries(MUTUAL_AID_PARTS.flatMap((_p, i) => [[`parts.${i}.ratioBp`, `parts.${i}.ratioPercent`], [`parts.${i}.deductibleFen`, `parts.${i}.deductibleYuan`], [`parts.${i}.capFen`, `parts.${i}.capYuan`], [`parts.${i}.contributionFen`, `parts.${i}.contributionYuan`]])),
};

/** 新建 / 修改年度方案: dates, deadline, late rule, the overall cap, the fund, and per part ratio, 起付线, cap, contribution. */
export function MutualAidPeriodModal({ open, period, onClose }: { open: boolean; period: MutualAidPeriod | null; onClose: () => void }) {
  const [form] = Form.useForm<PeriodValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const funds = useFundOptions(open);
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(initialValues(period));
  }, [open, period, form]);

  const save = useMutation({
    mutationFn: (v: PeriodValues) => {
      const body = {
        year: v.year, name: v.name.trim(), startsOn: v.startsOn, endsOn: v.endsOn, enrolDeadline: v.enrolDeadline, latePolicy: v.latePolicy, lateWaitingDays: v.lateWaitingDays,
        overallCapFen: yuanToFen(v.overallCapYuan), fundId: v.fundId, note: v.note,
        parts: v.parts.map((p) => ({ part: p.part, enabled: p.enabled, ratioBp: Math.round(p.ratioPercent * 100), deductibleFen: yuanToFen(p.deductibleYuan ?? 0), capFen: yuanToFen(p.capYuan ?? 0), contributionFen: yuanToFen(p.contributionYuan ?? 0), allowancePerDayFen: yuanToFen(p.allowancePerDayYuan ?? 0), allowanceMaxDays: p.allowanceMaxDays ?? 0 })),
      };
      return period ? mutualAidApi.updatePeriod(period.id, body) : mutualAidApi.createPeriod(body);
    },
    onSuccess: (p) => {
      void message.success(`已保存:${p.name}`);
      void queryClient.invalidateQueries({ queryKey: mutualAidKeys.periods });
      onClose();
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, FIELD_MAP)),
  });

  const num = (name: (string | number)[], node: ReactNode) => <Form.Item name={name} noStyle>{node}</Form.Item>;
  return (
    <Modal open={open} width={980} title={period ? `修改年度方案:${period.name}` : '新建年度方案'} okText="保存" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<PeriodValues> name="mutual-aid-period-form" form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col span={4}><Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={8}><Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}><Input maxLength={60} /></Form.Item></Col>
          <Col span={6}><Form.Item label="保障起始" name="startsOn" rules={[{ required: true, message: '请填写日期' }]}><Input type="date" /></Form.Item></Col>
          <Col span={6}><Form.Item label="保障终止" name="endsOn" rules={[{ required: true, message: '请填写日期' }]}><Input type="date" /></Form.Item></Col>
          <Col span={6}><Form.Item label="参保截止日" name="enrolDeadline" rules={[{ required: true, message: '请填写日期' }]} tooltip="默认上年12月15日:名单与缴费须在此前完成"><Input type="date" /></Form.Item></Col>
          <Col span={8}><Form.Item label="逾期参保" name="latePolicy"><Radio.Group options={Object.entries(MUTUAL_AID_LATE_POLICY_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item></Col>
          <Col span={4}><Form.Item label="等待期(天)" name="lateWaitingDays" tooltip="逾期参保的,缴费后满该天数方可申请"><InputNumber min={0} max={365} style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={6}><Form.Item label="年度累计限额(元)" name="overallCapYuan" rules={[{ required: true, message: '请填写限额' }]}><YuanInput style={{ width: '100%' }} /></Form.Item></Col>
          <Col span={12}><Form.Item label="医疗互助资金" name="fundId" rules={[{ required: true, message: '请选择资金' }]} extra="互助金缴费计入该资金,补助从该资金支付"><Select loading={funds.isPending} options={(funds.data ?? []).map((f) => ({ value: f.id, label: `${f.name}(${f.orgName})` }))} /></Form.Item></Col>
          <Col span={12}><Form.Item label="说明" name="note"><Input maxLength={500} /></Form.Item></Col>
        </Row>
        <Table<{ key: number; part: MutualAidPart }>
          size="small"
          pagination={false}
          dataSource={MUTUAL_AID_PARTS.map((part, key) => ({ key, part }))}
          columns={[
            { title: '保障项目', dataIndex: 'part', render: (p: MutualAidPart, r) => <>{num(['parts', r.key, 'part'], <Input type="hidden" />)}{MUTUAL_AID_PART_LABELS[p]}</> },
            { title: '开办', width: 60, render: (_v, r) => <Form.Item name={['parts', r.key, 'enabled']} valuePropName="checked" noStyle><Switch size="small" /></Form.Item> },
            { title: '比例(%)', width: 90, render: (_v, r) => <Form.Item name={['parts', r.key, 'ratioPercent']} style={{ marginBottom: 0 }}><InputNumber min={0} max={100} precision={2} style={{ width: 80 }} /></Form.Item> },
            { title: '起付线(元)', width: 120, render: (_v, r) => <Form.Item name={['parts', r.key, 'deductibleYuan']} style={{ marginBottom: 0 }}><YuanInput min={0} style={{ width: 110 }} /></Form.Item> },
            { title: '分项限额(元)', width: 130, render: (_v, r) => <Form.Item name={['parts', r.key, 'capYuan']} style={{ marginBottom: 0 }}><YuanInput min={0} style={{ width: 120 }} /></Form.Item> },
            { title: '每人缴费(元)', width: 110, render: (_v, r) => <Form.Item name={['parts', r.key, 'contributionYuan']} style={{ marginBottom: 0 }}><YuanInput min={0} style={{ width: 100 }} /></Form.Item> },
            { title: '住院生活补助(元/天)', width: 130, render: (_v, r) => <Form.Item name={['parts', r.key, 'allowancePerDayYuan']} style={{ marginBottom: 0 }}><YuanInput min={0} style={{ width: 100 }} /></Form.Item> },
            { title: '补助上限(天)', width: 100, render: (_v, r) => <Form.Item name={['parts', r.key, 'allowanceMaxDays']} style={{ marginBottom: 0 }}><InputNumber min={0} max={366} style={{ width: 80 }} /></Form.Item> },
          ]}
        />
      </Form>
    </Modal>
  );
}
