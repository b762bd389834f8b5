import { Alert, Button, Flex, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RATING_UNIT_CATEGORIES, RATING_UNIT_CATEGORY_LABELS, type RatingCampaign } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { ratingApi, ratingKeys, type RatingUnitsBody } from '../../api/rating.api';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

/** 被测评单位 (editable while the campaign is a draft): name, category, and the org whose staff answer its reply requests. */
export function RatingUnitsEditor({ campaign }: { campaign: RatingCampaign }) {
  const [form] = Form.useForm<RatingUnitsBody>();
  const qc = useQueryClient();
  const editable = campaign.abilities.canEdit && campaign.state === 'draft';
  const save = useMutation({
    mutationFn: (v: RatingUnitsBody) => ratingApi.saveUnits(campaign.id, v),
    onSuccess: (c) => qc.setQueryData(ratingKeys.one(c.id), c),
    onError: (e) => {
      const rest = applyServerErrors(form, e, ['units']);
      if (rest) form.setFields([{ name: 'units', errors: [rest] }]);
    },
  });
  const initial = { units: campaign.unitList.map((u) => ({ id: u.id, name: u.name, category: u.category, orgId: u.orgId ?? undefined })) };
  return (
    <>
      {editable ? null : <Alert type="info" showIcon style={{ marginBottom: 12 }} message="测评已开始,被测评单位不能再修改。" />}
      <Form form={form} initialValues={initial} onFinish={(v) => save.mutate(v)} disabled={!editable}>
        <Form.List name="units">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Typography.Text type="secondary" style={{ width: 28, display: 'inline-block' }}>{i + 1}.</Typography.Text>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写单位名称' }]}><Input placeholder="单位名称,如:市人力社保局" style={{ width: 240 }} maxLength={60} /></Form.Item>
                  <Form.Item name={[f.name, 'category']} rules={[{ required: true, message: '请选择类别' }]}><Select style={{ width: 160 }} placeholder="类别" options={RATING_UNIT_CATEGORIES.map((c) => ({ value: c, label: RATING_UNIT_CATEGORY_LABELS[c] }))} /></Form.Item>
                  <Form.Item name={[f.name, 'orgId']}><OrgTreeSelect placeholder="对应组织(选填,答复意见)" allowClear style={{ width: 260 }} /></Form.Item>
                  <Popconfirm title="删除该单位?" onConfirm={() => remove(f.name)}><Button icon={<DeleteOutlined />} type="text" danger /></Popconfirm>
                </Space>
              ))}
              <Form.ErrorList errors={form.getFieldError('units')} />
              <Flex gap={8}>
                <Button icon={<PlusOutlined />} onClick={() => add({ category: 'city_department' })}>添加单位</Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>保存被测评单位</Button>
              </Flex>
            </>
          )}
        </Form.List>
      </Form>
    </>
  );
}
