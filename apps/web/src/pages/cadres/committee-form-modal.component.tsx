import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { CADRE_POSITION_LABELS, DEFAULT_TERM_YEARS, MAX_TERM_YEARS, type Committee, type ElectionMethod } from '@gonghui/contracts';
import { cadreApi, cadreKeys } from '../../api/cadre.api';
import { applyServerErrors } from '../../api/form-errors';
import { dayjs } from '../../app/time';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { ELECTION_OPTIONS } from './cadre-labels';

interface Values {
  orgId?: string;
  termNo: number;
  electedOn?: Dayjs;
  termStart?: Dayjs;
  termEnd?: Dayjs;
  electionMethod: ElectionMethod;
  note?: string;
  continuingCadreIds: string[];
}

const FIELDS = ['orgId', 'termNo', 'electedOn', 'termStart', 'termEnd', 'electionMethod', 'note', 'continuingCadreIds'] as const;
const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD') ?? '';

/**
 * 登记本届委员会 (mode new), 修改 (edit) or 换届 (renew: the next 届 with the cadres who continue;
 * the others of the old committee leave office on the new term's start).
 */
export function CommitteeFormModal({ open, mode, committee, onClose, onSaved }: { open: boolean; mode: 'new' | 'edit' | 'renew'; committee?: Committee; onClose: () => void; onSaved?: (c: Committee) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const start = Form.useWatch('termStart', form);
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (committee && mode === 'edit') {
      form.setFieldsValue({ termNo: committee.termNo, electedOn: dayjs(committee.electedOn), termStart: dayjs(committee.termStart), termEnd: dayjs(committee.termEnd), electionMethod: committee.electionMethod, note: committee.note ?? undefined });
    }
    if (committee && mode === 'renew') form.setFieldsValue({ termNo: committee.termNo + 1, continuingCadreIds: committee.cadres.filter((c) => c.state === 'in_office').map((c) => c.id) });
  }, [open, committee, mode, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const base = { termNo: v.termNo, electedOn: day(v.electedOn), termStart: day(v.termStart), termEnd: day(v.termEnd), electionMethod: v.electionMethod, note: v.note?.trim() || undefined };
      if (mode === 'new') return cadreApi.createCommittee({ ...base, orgId: v.orgId ?? '' });
      if (mode === 'edit') return cadreApi.updateCommittee(committee!.id, { ...base, version: committee!.version });
      return cadreApi.renewCommittee(committee!.id, { ...base, version: committee!.version, continuingCadreIds: v.continuingCadreIds });
    },
    onSuccess: (c) => {
      void message.success(mode === 'renew' ? `已完成换届:第${c.termNo}届` : '已保存');
      void client.invalidateQueries({ queryKey: cadreKeys.all });
      onSaved?.(c);
      onClose();
    },
    onError: (e) => setFailure(applyServerErrors(form, e, FIELDS)),
  });
  const title = mode === 'new' ? '登记本届工会委员会' : mode === 'edit' ? `修改第${committee?.termNo}届委员会` : `换届:${committee?.orgName}`;
  const inOffice = committee?.cadres.filter((c) => c.state === 'in_office') ?? [];
  return (
    <Modal open={open} width={680} title={title} okText={mode === 'renew' ? '确认换届' : '保存'} cancelText="取消" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender destroyOnHidden>
      <Typography.Paragraph type="secondary">
        基层工会委员会每届任期三年或五年(工会法),届满日期须晚于开始日期且不超过{MAX_TERM_YEARS}年;默认按{DEFAULT_TERM_YEARS}年填写。届满前按设置的天数(默认90天)和届满未换届时,各提醒本工会及上级工会一次。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> name="committee-form" form={form} layout="vertical" initialValues={{ termNo: 1, electionMethod: 'competitive', continuingCadreIds: [] }} onFinish={(v) => save.mutate(v)}>
        {mode === 'new' ? (
          <Form.Item label="工会" name="orgId" rules={[{ required: true, message: '请选择工会' }]}>
            <OrgTreeSelect placeholder="选择工会" />
          </Form.Item>
        ) : null}
        <Flex gap={12} wrap>
          <Form.Item label="届次" name="termNo" rules={[{ required: true, message: '请填写届次' }]}>
            <InputNumber min={1} max={99} addonBefore="第" addonAfter="届" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item label="产生方式" name="electionMethod">
            <Select options={ELECTION_OPTIONS} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item label="选举日期" name="electedOn" rules={[{ required: true, message: '请选择选举日期' }]}>
            <DatePicker />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label="任期开始" name="termStart" rules={[{ required: true, message: '请选择任期开始日期' }]}>
            <DatePicker onChange={(d: Dayjs | null) => d && !form.getFieldValue('termEnd') && form.setFieldValue('termEnd', d.add(DEFAULT_TERM_YEARS, 'year').subtract(1, 'day'))} />
          </Form.Item>
          <Form.Item label="任期届满" name="termEnd" rules={[{ required: true, message: '请选择任期届满日期' }]}>
            <DatePicker disabledDate={(d) => Boolean(start) && !d.isAfter(start, 'day')} />
          </Form.Item>
        </Flex>
        {mode === 'renew' ? (
          <Form.Item label="连任干部" name="continuingCadreIds" extra="勾选的干部转入新一届;未勾选的上一届在任干部于新任期开始日离任(原因:换届未连任)。新当选的干部换届后另行登记。">
            <Checkbox.Group options={inOffice.map((c) => ({ value: c.id, label: `${c.name}(${CADRE_POSITION_LABELS[c.position]})` }))} />
          </Form.Item>
        ) : null}
        <Form.Item label="备注" name="note">
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
