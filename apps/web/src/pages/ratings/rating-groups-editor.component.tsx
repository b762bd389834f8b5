import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RatingCampaign } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { ratingApi, ratingKeys } from '../../api/rating.api';

interface Row {
  id?: string;
  name: string;
  weightPct: number;
  forMembers?: boolean;
}

/** 测评群体 and their weights (percent with two decimals, stored in basis points; must total 100%). */
export function RatingGroupsEditor({ campaign }: { campaign: RatingCampaign }) {
  const [form] = Form.useForm<{ groups: Row[] }>();
  const qc = useQueryClient();
  const editable = campaign.abilities.canEdit && campaign.state === 'draft';
  const rows = Form.useWatch('groups', form) ?? [];
  const total = rows.reduce((a, r) => a + Math.round((r?.weightPct ?? 0) * 100), 0);
  const save = useMutation({
    mutationFn: (v: { groups: Row[] }) => ratingApi.saveGroups(campaign.id, { groups: v.groups.map((g) => ({ id: g.id, name: g.name, weightBp: Math.round(g.weightPct * 100), forMembers: !!g.forMembers })) }),
    onSuccess: (c) => qc.setQueryData(ratingKeys.one(c.id), c),
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['groups']);
      if (rest) form.setFields([{ name: 'groups', errors: [rest] }]);
    },
  });
  const initial = { groups: campaign.groups.map((g) => ({ id: g.id, name: g.name, weightPct: g.weightBp / 100, forMembers: g.forMembers })) };
  return (
    <>
      {editable ? null : <Alert type="info" showIcon style={{ marginBottom: 12 }} message="测评已开始,群体与权重不能再修改。" />}
      <Form form={form} initialValues={initial} onFinish={(v) => save.mutate(v)} disabled={!editable}>
        <Form.List name="groups">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => {
                const g = campaign.groups.find((x) => x.id === rows[f.name]?.id);
                return (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写群体名称' }]}><Input style={{ width: 160 }} maxLength={30} /></Form.Item>
                    <Form.Item name={[f.name, 'weightPct']} rules={[{ required: true, message: '请填写权重' }]}><InputNumber min={0} max={100} step={0.5} precision={2} addonAfter="%" style={{ width: 140 }} /></Form.Item>
                    <Form.Item name={[f.name, 'forMembers']} valuePropName="checked"><Checkbox>会员登录参评</Checkbox></Form.Item>
                    {g ? <Typography.Text type="secondary">测评码 {g.usedCodes}/{g.codes} 已用,有效票 {g.ballots}</Typography.Text> : null}
                    <Popconfirm title="删除该群体?" onConfirm={() => remove(f.name)}><Button icon={<DeleteOutlined />} type="text" danger /></Popconfirm>
                  </Space>
                );
              })}
              <Form.ErrorList errors={form.getFieldError('groups')} />
              <Typography.Paragraph type={total === 10000 ? 'success' : 'danger'}>权重合计 {(total / 100).toFixed(2)}%(应为100%)</Typography.Paragraph>
              <Flex gap={8}>
                <Button icon={<PlusOutlined />} onClick={() => add({ weightPct: 0 })}>添加群体</Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>保存群体与权重</Button>
              </Flex>
            </>
          )}
        </Form.List>
      </Form>
    </>
  );
}
