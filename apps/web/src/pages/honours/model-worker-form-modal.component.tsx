import { useEffect, useState } from 'react';
import { Alert, App, AutoComplete, Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { HONOUR_LEVELS, HONOUR_LEVEL_LABELS, HONOUR_TITLE_SUGGESTIONS, type HonourLevel, type ModelWorker } from '@gonghui/contracts';
import { modelWorkerApi, modelWorkerKeys, type ModelWorkerBody } from '../../api/model-worker.api';
import { applyMappedServerErrors } from '../../api/form-errors';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { useSession } from '../../app/use-session.hook';

interface Values {
  name: string;
  gender: 'male' | 'female';
  birthDate?: Dayjs;
  idCard?: string;
  phone?: string;
  orgId?: string;
  unit?: string;
  retired: boolean;
  deceasedOn?: Dayjs | null;
  livesAlone: boolean;
  livingNote?: string;
  address?: string;
  note?: string;
  honours: { level: HonourLevel; title: string; year: number }[];
}

const FIELD_OF: Record<string, string> = {
  name: 'name', gender: 'gender', birthDate: 'birthDate', idCard: 'idCard', phone: 'phone', orgId: 'orgId', unit: 'unit', deceasedOn: 'deceasedOn',
  livingNote: 'livingNote', address: 'address', note: 'note', honours: 'honours',
};
// a server path honours.N.year lands on the row's field
for (let i = 0; i < 20; i++) for (const f of ['level', 'title', 'year']) FIELD_OF[`honours.${i}.${f}`] = `honours.${i}.${f}`;

const toValues = (w: ModelWorker): Values => ({
  name: w.name, gender: w.gender, birthDate: dayjs(w.birthDate), orgId: w.orgId, unit: w.unit ?? undefined, retired: w.retired, deceasedOn: w.deceasedOn ? dayjs(w.deceasedOn) : null,
  livesAlone: w.livesAlone, livingNote: w.livingNote ?? undefined, address: w.address ?? undefined, note: w.note ?? undefined, honours: w.honours.map(({ level, title, year }) => ({ level, title, year })),
});

const text = (s: string | undefined) => s?.trim() || undefined;

/** 登记 / 修改劳模: identity (身份证 stored encrypted, linked to the member registry), union, living situation, honours. */
export function ModelWorkerFormModal({ open, worker, onClose, onSaved }: { open: boolean; worker?: ModelWorker; onClose: () => void; onSaved?: (w: ModelWorker) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const livesAlone = Form.useWatch('livesAlone', form);
  const { user } = useSession();
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (worker) form.setFieldsValue(toValues(worker));
  }, [open, worker, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: ModelWorkerBody = {
        name: v.name.trim(), gender: v.gender, birthDate: v.birthDate?.format('YYYY-MM-DD') ?? '', idCard: text(v.idCard), phone: text(v.phone), orgId: v.orgId ?? '',
        unit: text(v.unit), retired: v.retired, deceasedOn: v.deceasedOn?.format('YYYY-MM-DD'), livesAlone: v.livesAlone, livingNote: v.livesAlone ? text(v.livingNote) : undefined,
        address: text(v.address), note: text(v.note), honours: v.honours,
      };
      return worker ? modelWorkerApi.update(worker.id, { ...body, version: worker.version }) : modelWorkerApi.create(body);
    },
    onSuccess: (w) => {
      void message.success(worker ? '已保存' : `已登记劳模:${w.name}${w.memberId ? '(已关联会员档案)' : ''}`);
      void client.invalidateQueries({ queryKey: modelWorkerKeys.all });
      onSaved?.(w);
      onClose();
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, FIELD_OF)),
  });

  const today = dayjs().tz(APP_TIME_ZONE);
  return (
    <Modal open={open} width={760} title={worker ? `修改劳模信息:${worker.name}` : '登记劳模'} okText="保存" cancelText="取消" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender destroyOnHidden>
      <Typography.Paragraph type="secondary">身份证号加密保存,与会员库中同一身份证号的会员自动关联;75岁以上与鳏寡独居为关爱对象,年龄按出生日期每日计算。</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> name="model-worker-form" form={form} layout="vertical" initialValues={{ gender: 'male', orgId: user?.orgId, retired: true, livesAlone: false, honours: [{ level: 'city', title: '杭州市劳动模范', year: today.year() }] }} onFinish={(v) => save.mutate(v)}>
        <Flex gap={12} wrap>
          <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={30} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label="性别" name="gender">
            <Radio.Group options={[{ value: 'male', label: '男' }, { value: 'female', label: '女' }]} optionType="button" />
          </Form.Item>
          <Form.Item label="出生日期" name="birthDate" rules={[{ required: true, message: '请选择出生日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
          </Form.Item>
          <Form.Item label="身份证号" name="idCard" extra={worker?.idCard ? `已登记 ${worker.idCard},留空不变` : '选填,与出生日期、性别须一致'}>
            <Input maxLength={18} style={{ width: 200 }} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label="所属工会" name="orgId" rules={[{ required: true, message: '请选择所属工会' }]} extra="一般为所在区县(市)总工会,决定谁能查看" style={{ width: 300 }}>
            <OrgTreeSelect placeholder="选择工会" />
          </Form.Item>
          <Form.Item label="联系电话" name="phone" extra={worker?.phone ? `已登记 ${worker.phone},留空不变` : undefined}>
            <Input maxLength={11} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="工作单位(原单位)" name="unit">
            <Input maxLength={100} style={{ width: 220 }} />
          </Form.Item>
        </Flex>
        <Form.Item label="住址" name="address">
          <Input maxLength={200} placeholder="如:上城区清波街道劳动路社区" />
        </Form.Item>
        <Flex gap={24} wrap align="start">
          <Form.Item name="retired" valuePropName="checked">
            <Checkbox>已退休</Checkbox>
          </Form.Item>
          <Form.Item name="livesAlone" valuePropName="checked">
            <Checkbox>鳏寡独居</Checkbox>
          </Form.Item>
          <Form.Item label="去世日期" name="deceasedOn" extra="在世请留空">
            <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} />
          </Form.Item>
        </Flex>
        {livesAlone ? (
          <Form.Item label="居住情况说明" name="livingNote" rules={[{ required: true, whitespace: true, message: '鳏寡独居须说明情况(如丧偶独居、无子女)' }]}>
            <Input maxLength={200} placeholder="如:老伴去世,子女在外地,独居" />
          </Form.Item>
        ) : null}
        <Typography.Text strong>荣誉</Typography.Text>
        <Form.List name="honours">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <HonourRow key={f.key} name={f.name} onRemove={fields.length > 1 ? () => remove(f.name) : undefined} />
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ level: 'city', title: '', year: today.year() })} style={{ marginBottom: 12 }}>
                添加荣誉
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item label="备注" name="note">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function HonourRow({ name, onRemove }: { name: number; onRemove?: () => void }) {
  const form = Form.useFormInstance<Values>();
  const level = Form.useWatch(['honours', name, 'level'], form) as HonourLevel | undefined;
  return (
    <Flex gap={8} align="baseline">
      <Form.Item name={[name, 'level']} rules={[{ required: true, message: '请选择级别' }]}>
        <Select style={{ width: 120 }} options={HONOUR_LEVELS.map((l) => ({ value: l, label: HONOUR_LEVEL_LABELS[l] }))} aria-label="荣誉级别" />
      </Form.Item>
      <Form.Item name={[name, 'title']} rules={[{ required: true, whitespace: true, message: '请填写荣誉称号' }]}>
        <AutoComplete style={{ width: 220 }} options={(level ? HONOUR_TITLE_SUGGESTIONS[level] : []).map((t) => ({ value: t }))} placeholder="如 杭州市劳动模范" aria-label="荣誉称号" />
      </Form.Item>
      <Form.Item name={[name, 'year']} rules={[{ required: true, message: '请填写年份' }]}>
        <InputNumber min={1950} max={2100} placeholder="年份" style={{ width: 100 }} aria-label="获得年份" />
      </Form.Item>
      {onRemove ? <MinusCircleOutlined onClick={onRemove} aria-label="删除此项荣誉" /> : null}
    </Flex>
  );
}
