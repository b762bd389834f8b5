import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { WAGE_CONTRACT_KINDS, WAGE_CONTRACT_KIND_LABELS, WAGE_CONTRACT_TYPES, WAGE_CONTRACT_TYPE_LABELS, type WageContract, type WageContractBody } from '@gonghui/contracts';
import { wageContractApi } from '../../api/wage-contract.api';
import { applyMappedServerErrors } from '../../api/form-errors';
import { dayjs } from '../../app/time';
import { EnterpriseSelect } from '../../components/enterprise-select.component';
import { fenToYuanNumber, yuanToFen } from '../../components/money';
import { YuanInput } from '../../components/yuan-input.component';

interface Values {
  kind: WageContractBody['kind'];
  contractType: WageContractBody['contractType'];
  title: string;
  enterprises: { id: string | null }[];
  area?: string;
  employerRepresentative: string;
  unionRepresentative: string;
  term: [Dayjs, Dayjs];
  wageIncreasePct: number;
  minimumWageYuan: number;
  workersCovered: number;
  note?: string;
}

const FIELD_OF: Record<string, string> = {
  kind: 'kind', contractType: 'contractType', title: 'title', enterpriseIds: 'enterprises', area: 'area', employerRepresentative: 'employerRepresentative',
  unionRepresentative: 'unionRepresentative', termStart: 'term', termEnd: 'term', wageIncreaseBp: 'wageIncreasePct', minimumWageFen: 'minimumWageYuan',
  workersCovered: 'workersCovered', note: 'note', orgId: 'enterprises',
};

/** 'create' a new contract, 'edit' one in negotiation, or 'renew' a filed one into its next term. */
export type WageFormMode = { kind: 'create' } | { kind: 'edit' | 'renew'; contract: WageContract };

function initialValues(mode: WageFormMode): Partial<Values> {
  if (mode.kind === 'create') {
    const next = dayjs().add(1, 'year').startOf('year');
    return { kind: 'enterprise', contractType: 'wage', enterprises: [{ id: null }], term: [next, next.endOf('year')] };
  }
  const c = mode.contract;
  const start = mode.kind === 'renew' ? dayjs(c.termEnd).add(1, 'day') : dayjs(c.termStart);
  const years = Math.min(3, Math.max(1, Math.round(dayjs(c.termEnd).add(1, 'day').diff(dayjs(c.termStart), 'year', true))));
  const end = mode.kind === 'renew' ? start.add(years, 'year').subtract(1, 'day') : dayjs(c.termEnd);
  return {
    kind: c.kind,
    contractType: c.contractType,
    title: mode.kind === 'renew' ? `${c.title.replace(/\d{4}年度/, `${start.year()}年度`)}` : c.title,
    enterprises: c.enterprises.map((e) => ({ id: e.id })),
    area: c.area ?? undefined,
    employerRepresentative: c.employerRepresentative,
    unionRepresentative: c.unionRepresentative,
    term: [start, end],
    wageIncreasePct: c.wageIncreaseBp / 100,
    minimumWageYuan: fenToYuanNumber(c.minimumWageFen),
    workersCovered: c.workersCovered,
    note: c.note ?? undefined,
  };
}

const TITLES = { create: '登记集体合同', edit: '修改集体合同', renew: '续签集体合同' } as const;

/** The contract's parties, term and wage terms; the server checks the term (1-3 years) and the enterprises' union. */
export function WageContractFormModal({ open, mode = { kind: 'create' }, onClose, onSaved }: { open: boolean; mode?: WageFormMode; onClose: () => void; onSaved: (c: WageContract) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  const names = mode.kind === 'create' ? new Map<string, string>() : new Map(mode.contract.enterprises.map((e) => [e.id, e.name]));
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: WageContractBody = {
        kind: v.kind, contractType: v.contractType, title: v.title, enterpriseIds: v.enterprises.map((e) => e.id).filter((id): id is string => Boolean(id)),
        area: v.area, employerRepresentative: v.employerRepresentative, unionRepresentative: v.unionRepresentative,
        termStart: v.term[0].format('YYYY-MM-DD'), termEnd: v.term[1].format('YYYY-MM-DD'), wageIncreaseBp: Math.round(v.wageIncreasePct * 100),
        minimumWageFen: yuanToFen(v.minimumWageYuan), workersCovered: v.workersCovered, note: v.note,
      };
      if (mode.kind === 'edit') return wageContractApi.update(mode.contract.id, body);
      if (mode.kind === 'renew') return wageContractApi.renew(mode.contract.id, body);
      return wageContractApi.create(body);
    },
    onSuccess: (c) => {
      void message.success(mode.kind === 'edit' ? '已保存' : '已登记,请记录协商过程');
      form.resetFields();
      onSaved(c);
    },
    onError: (e) => {
      const rest = applyMappedServerErrors(form, e, FIELD_OF);
      if (rest) void message.error(rest);
    },
  });
  return (
    <Modal open={open} title={TITLES[mode.kind]} width={760} okText="保存" cancelText="取消" confirmLoading={save.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={initialValues(mode)} onFinish={(v) => save.mutate(v)} data-testid="wage-contract-form">
        <Flex gap={12}>
          <Form.Item name="kind" label="合同类别" rules={[{ required: true }]} style={{ width: 200 }}>
            <Select disabled={mode.kind === 'renew'} options={WAGE_CONTRACT_KINDS.map((k) => ({ value: k, label: WAGE_CONTRACT_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="contractType" label="合同种类" rules={[{ required: true }]} style={{ flex: 1 }}>
            <Select options={WAGE_CONTRACT_TYPES.map((k) => ({ value: k, label: WAGE_CONTRACT_TYPE_LABELS[k] }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label="合同名称" rules={[{ required: true, message: '请填写合同名称' }]}>
          <Input maxLength={80} placeholder="如:杭州某某有限公司2027年度工资专项集体合同" />
        </Form.Item>
        <Form.List name="enterprises">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item
                    name={[f.name, 'id']}
                    label={f.name === 0 ? '覆盖企业' : undefined}
                    extra={f.name === 0 ? '企业集体合同为一家已建会企业,由其工会签约;区域性、行业性合同可覆盖多家,由您所在的工会签约' : undefined}
                    rules={[{ required: true, message: '请选择企业' }]}
                    style={{ flex: 1 }}
                  >
                    <EnterpriseSelect currentLabel={names.get(String(form.getFieldValue(['enterprises', f.name, 'id']) ?? ''))} />
                  </Form.Item>
                  {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                </Flex>
              ))}
              {kind !== 'enterprise' ? (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ id: null })} style={{ marginBottom: 12 }}>
                  添加企业
                </Button>
              ) : null}
              <Form.ErrorList errors={form.getFieldError('enterprises')} />
            </>
          )}
        </Form.List>
        {kind !== 'enterprise' ? (
          <Form.Item name="area" label="区域或行业范围">
            <Input maxLength={80} placeholder="如:湖滨街道辖区小微企业 / 上城区餐饮行业" />
          </Form.Item>
        ) : null}
        <Flex gap={12}>
          <Form.Item name="employerRepresentative" label="企业方(行业协会)首席代表" rules={[{ required: true, message: '请填写企业方首席代表' }]} style={{ flex: 1 }}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="unionRepresentative" label="职工方首席代表" rules={[{ required: true, message: '请填写职工方首席代表' }]} style={{ flex: 1 }}>
            <Input maxLength={60} />
          </Form.Item>
        </Flex>
        <Form.Item name="term" label="合同期限(1至3年)" rules={[{ required: true, message: '请选择合同期限' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="wageIncreasePct" label="平均工资增长幅度" rules={[{ required: true, message: '请填写工资增长幅度' }]} style={{ flex: 1 }}>
            <InputNumber<number> min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="minimumWageYuan" label="企业最低工资标准(月)" rules={[{ required: true, message: '请填写最低工资标准' }]} extra="不得低于当地最低工资标准" style={{ flex: 1 }}>
            <YuanInput />
          </Form.Item>
          <Form.Item name="workersCovered" label="覆盖职工人数" rules={[{ required: true, message: '请填写覆盖职工人数' }]} style={{ flex: 1 }}>
            <InputNumber<number> min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
