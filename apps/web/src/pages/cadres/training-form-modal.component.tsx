import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { Training } from '@gonghui/contracts';
import { cadreApi, cadreKeys } from '../../api/cadre.api';
import { applyMappedServerErrors } from '../../api/form-errors';
import { dayjs } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

interface Values {
  orgId?: string;
  title: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs | null;
  place: string;
  hours?: number;
  audience?: string;
  note?: string;
}

const FIELD_OF: Record<string, string> = { orgId: 'orgId', title: 'title', startsOn: 'startsOn', endsOn: 'endsOn', place: 'place', hours: 'hours', audience: 'audience', note: 'note' };

/** 登记 / 修改培训班: organiser, dates, place, 学时 (one decimal), audience. */
export function TrainingFormModal({ open, training, onClose, onSaved }: { open: boolean; training?: Training; onClose: () => void; onSaved?: (t: Training) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { user } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (training) {
      form.setFieldsValue({ orgId: training.orgId, title: training.title, startsOn: dayjs(training.startsOn), endsOn: dayjs(training.endsOn), place: training.place, hours: training.hours, audience: training.audience ?? undefined, note: training.note ?? undefined });
    }
  }, [open, training, form]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        orgId: v.orgId ?? '', title: v.title.trim(), startsOn: v.startsOn?.format('YYYY-MM-DD') ?? '', endsOn: (v.endsOn ?? v.startsOn)?.format('YYYY-MM-DD') ?? '', place: v.place.trim(), hours: v.hours ?? 0,
        audience: v.audience?.trim() || undefined, note: v.note?.trim() || undefined,
      };
      return training ? cadreApi.updateTraining(training.id, { ...body, version: training.version }) : cadreApi.createTraining(body);
    },
    onSuccess: (t) => {
      void message.success(training ? '已保存' : `已登记培训班:${t.title}`);
      void client.invalidateQueries({ queryKey: cadreKeys.all });
      onSaved?.(t);
      onClose();
    },
    onError: (e) => setFailure(applyMappedServerErrors(form, e, FIELD_OF)),
  });
  return (
    <Modal open={open} width={680} title={training ? '修改培训班' : '登记培训班'} okText="保存" cancelText="取消" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender destroyOnHidden>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> name="training-form" form={form} layout="vertical" initialValues={{ orgId: user?.orgId }} onFinish={(v) => save.mutate(v)}>
        <Form.Item label="培训班名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写培训班名称' }]}>
          <Input maxLength={100} placeholder="如:2026年基层工会主席履职能力培训班" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item label="主办单位" name="orgId" rules={[{ required: true, message: '请选择主办单位' }]} style={{ width: 280 }} extra="可签到的是主办单位及下级工会的干部">
            <OrgTreeSelect placeholder="选择工会" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label="开班日期" name="startsOn" rules={[{ required: true, message: '请选择开班日期' }]} extra="学时计入开班当年">
            <DatePicker />
          </Form.Item>
          <Form.Item label="结束日期" name="endsOn" extra="一天的培训可留空">
            <DatePicker />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label="培训地点" name="place" rules={[{ required: true, whitespace: true, message: '请填写培训地点' }]} style={{ width: 280 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="学时" name="hours" rules={[{ required: true, message: '请填写学时' }]} extra="每期学时,可保留一位小数(如 3.5)">
            <InputNumber min={0.1} max={500} step={0.5} precision={1} style={{ width: 120 }} />
          </Form.Item>
        </Flex>
        <Form.Item label="培训对象" name="audience">
          <Input maxLength={200} placeholder="如:基层工会主席、副主席" />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
