import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UNION_HOME_FACILITIES, UNION_HOME_FACILITY_LABELS, type HomeProfileBody, type UnionHome } from '@gonghui/contracts';
import { applyMappedServerErrors } from '../../api/form-errors';
import { unionHomeApi, unionHomeKeys } from '../../api/union-home.api';
import { fenToYuanNumber, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';

interface Values {
  venueName: string;
  address: string;
  areaM2: number;
  facilities: HomeProfileBody['facilities'];
  fundsYuan: number;
  activitiesHeld: number;
  staffCount: number;
  chairName: string;
  rules: string[];
  ratePercent: number | null;
}

const FIELDS: Record<string, string> = { venueName: 'venueName', address: 'address', areaM2: 'areaM2', facilities: 'facilities', annualFundsFen: 'fundsYuan', activitiesHeld: 'activitiesHeld', staffCount: 'staffCount', chairName: 'chairName', rules: 'rules', membershipRateEntered: 'ratePercent' };

/** 职工之家档案: venue, area, facilities, annual funds (元 in the form, 分 on the wire), people, rules, 入会率. */
export function UnionHomeProfileForm({ home, open, onClose }: { home: UnionHome; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        venueName: home.venueName,
        address: home.address,
        areaM2: home.areaM2,
        facilities: home.facilities.filter((f): f is HomeProfileBody['facilities'][number] => (UNION_HOME_FACILITIES as readonly string[]).includes(f)),
        fundsYuan: fenToYuanNumber(home.annualFundsFen),
        activitiesHeld: home.activitiesHeld,
        staffCount: home.staffCount,
        chairName: home.chairName,
        rules: home.rules,
        ratePercent: home.membershipRateEntered === null ? null : Math.round(home.membershipRateEntered * 1000) / 10,
      });
  }, [open, home, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      unionHomeApi.saveHome(home.orgId, {
        venueName: v.venueName,
        address: v.address ?? '',
        areaM2: v.areaM2,
        facilities: v.facilities ?? [],
        annualFundsFen: yuanToFen(v.fundsYuan ?? 0),
        activitiesHeld: v.activitiesHeld ?? 0,
        staffCount: v.staffCount ?? 0,
        chairName: v.chairName ?? '',
        rules: v.rules ?? [],
        membershipRateEntered: v.ratePercent === null || v.ratePercent === undefined ? null : v.ratePercent / 100,
        version: home.id ? home.version : undefined,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: unionHomeKeys.all });
      void message.success('职工之家档案已保存');
      onClose();
    },
    onError: (e) => {
      const rest = applyMappedServerErrors(form, e, FIELDS);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal title="职工之家档案" open={open} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} width={640} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="union-home-form">
        <Form.Item name="venueName" label="阵地名称" rules={[{ required: true, message: '请填写阵地名称' }]}>
          <Input maxLength={100} placeholder="如:某某公司职工之家" />
        </Form.Item>
        <Form.Item name="address" label="地址">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="areaM2" label="阵地面积(平方米)" rules={[{ required: true, message: '请填写面积' }]}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="facilities" label="服务设施">
          <Select mode="multiple" options={UNION_HOME_FACILITIES.map((f) => ({ value: f, label: UNION_HOME_FACILITY_LABELS[f] }))} />
        </Form.Item>
        <Form.Item name="fundsYuan" label="年度活动经费" rules={[{ required: true, message: '请填写年度经费' }]} extra="有钱办事:本年度用于职工之家活动和服务的经费">
          <YuanInput min={0} />
        </Form.Item>
        <Form.Item name="activitiesHeld" label="本年度开展活动(次)">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="chairName" label="工会主席" extra="有人干事:主席及专(兼)职工会干部">
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="staffCount" label="专(兼)职工会干部人数">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="rules" label="工作制度" extra="有章理事:输入制度名称后回车">
          <Select mode="tags" tokenSeparators={[',', ',']} placeholder="职工代表大会制度、厂务公开制度……" />
        </Form.Item>
        <Form.Item name="ratePercent" label="入会率(%,统计年报口径)" extra="填写后考评以此为准;不填则按会员名册与所覆盖企业职工数测算">
          <InputNumber min={0} max={100} precision={1} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
