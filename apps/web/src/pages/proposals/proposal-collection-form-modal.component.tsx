import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { DEFAULT_PROPOSAL_CATEGORIES, type ProposalCollection, type ProposalCollectionBody } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyServerErrors } from '../../api/form-errors';
import { proposalApi, proposalKeys } from '../../api/proposal.api';

interface Values {
  year: number;
  title: string;
  description?: string;
  collect: [Dayjs, Dayjs];
  vote?: [Dayjs, Dayjs] | null;
  categories: string[];
}
const FIELDS = ['year', 'title', 'description', 'opensOn', 'closesOn', 'voteOpensOn', 'voteClosesOn', 'categories'] as const;
const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** 新建 / 修改征集活动: year, title, collection and vote dates, the categories members choose from. */
export function ProposalCollectionFormModal({ open, collection, onClose, onSaved }: { open: boolean; collection?: ProposalCollection; onClose: () => void; onSaved?: (c: ProposalCollection) => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (collection) {
      form.setFieldsValue({ year: collection.year, title: collection.title, description: collection.description, categories: collection.categories, collect: [dayjs(collection.opensOn), dayjs(collection.closesOn)], vote: collection.voteOpensOn && collection.voteClosesOn ? [dayjs(collection.voteOpensOn), dayjs(collection.voteClosesOn)] : null });
    } else {
      const y = dayjs().year() + 1;
      form.setFieldsValue({ year: y, title: `${y}年为职工办实事项目征集`, categories: [...DEFAULT_PROPOSAL_CATEGORIES] });
    }
  }, [open, collection, form]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: ProposalCollectionBody = { year: v.year, title: v.title, description: v.description ?? '', opensOn: day(v.collect[0])!, closesOn: day(v.collect[1])!, voteOpensOn: day(v.vote?.[0]), voteClosesOn: day(v.vote?.[1]), categories: v.categories };
      return collection ? proposalApi.updateCollection(collection.id, body) : proposalApi.createCollection(body);
    },
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      onSaved?.(c);
      onClose();
    },
    onError: (e) => {
      applyServerErrors(form, e, FIELDS);
    },
  });
  return (
    <Modal open={open} title={collection ? '修改征集活动' : '新建征集活动'} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden width={640}>
      {save.isError ? <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} data-testid="collection-form">
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="征集活动名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写征集活动名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label="说明(职工在手机端看到)" name="description">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label="征集时间" name="collect" rules={[{ required: true, message: '请选择征集开始和截止日期' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item label="投票时间(可选)" name="vote" extra="入围建议的职工投票:每位会员在每次征集中只能投一票。">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item label="建议类别" name="categories" rules={[{ required: true, message: '至少设置一个类别' }]} extra="输入后回车添加;已有建议的类别不能删除。">
          <Select mode="tags" tokenSeparators={[',', ',']} options={DEFAULT_PROPOSAL_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
