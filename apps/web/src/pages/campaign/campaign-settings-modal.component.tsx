import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Skeleton, Switch, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CAMPAIGN_MULTIPLIER_RANGE, type Campaign } from '@gonghui/contracts';
import { campaignApi, campaignKeys } from '../../api/campaign.api';
import { applyMappedServerErrors } from '../../api/form-errors';
import { CATEGORY_OPTIONS } from './campaign-labels';
import { bodyOf, FIELD_OF, newCampaignValues, valuesOf, type CampaignFormValues } from './campaign-form-values';
import { CampaignTargetsTable } from './campaign-targets-table.component';

interface CampaignSettingsModalProps {
  /** a year number to create that year's campaign, a campaign to edit, null when closed */
  target: number | Campaign | null;
  onClose: () => void;
  onSaved: (c: Campaign) => void;
}

/**
 * 活动设置: year, name, period, the aid categories covered, 救助对象扩大 (低边 households up to a
 * multiple of the 低保 line), the fund it pays from and the targets per district.
 */
export function CampaignSettingsModal({ target, onClose, onSaved }: CampaignSettingsModalProps) {
  const [form] = Form.useForm<CampaignFormValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const editing = target !== null && typeof target === 'object' ? target : null;
  const lowEdge = Form.useWatch('lowEdgeIncluded', form);
  const options = useQuery({ queryKey: campaignKeys.options, queryFn: campaignApi.options, enabled: target !== null, staleTime: 60_000 });

  useEffect(() => {
    if (target === null) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue(editing ? valuesOf(editing) : newCampaignValues(target as number));
  }, [target, editing, form]);

  const save = useMutation({
    mutationFn: (v: CampaignFormValues) => {
      const body = bodyOf(v, options.data?.divisions ?? []);
      return editing ? campaignApi.update(editing.id, body) : campaignApi.create(body);
    },
    onSuccess: (c) => {
      void message.success(editing ? '活动设置已保存' : `已新建「${c.name}」(筹备中)`);
      void queryClient.invalidateQueries({ queryKey: ['aid'] });
      onSaved(c);
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, FIELD_OF)),
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? `活动设置:${editing.name}` : '新建春风行动'}
      okText="保存"
      width={860}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<CampaignFormValues> name="campaign-settings" form={form} layout="vertical" onFinish={(v) => save.mutate(v)} autoComplete="off">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="活动名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="活动期间" name="period" rules={[{ required: true, message: '请选择开始和结束日期' }]} extra="一般在春节前启动">
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item label="救助类别" name="categories" rules={[{ required: true, message: '请至少选择一个救助类别' }]}>
              <Checkbox.Group options={CATEGORY_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="纳入低边家庭" name="lowEdgeIncluded" valuePropName="checked" extra="救助对象扩大:收入略高于低保的家庭">
              <Switch checkedChildren="纳入" unCheckedChildren="不纳入" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="家庭人均收入上限" name="incomeCeilingMultiplier" rules={[{ required: true, message: '请填写收入上限倍数' }]} extra={lowEdge ? '人均月收入不超过当地低保标准的该倍数' : '不纳入低边家庭时,按困难等级标准认定'}>
              <InputNumber<number> min={CAMPAIGN_MULTIPLIER_RANGE.min} max={CAMPAIGN_MULTIPLIER_RANGE.max} step={0.1} precision={2} prefix="低保 ×" suffix="倍" style={{ width: '100%' }} disabled={!lowEdge} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="支出资金" name="fundId" extra="启动活动前须指定;捐款计入该资金">
              <Select allowClear loading={options.isPending} placeholder="选择资金" options={(options.data?.funds ?? []).map((f) => ({ value: f.id, label: `${f.name}(${f.orgName})` }))} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          各区县(市)目标
        </Typography.Title>
        {options.data ? <CampaignTargetsTable divisions={options.data.divisions} /> : <Skeleton active />}
        <Form.Item label="说明" name="note" style={{ marginTop: 16 }}>
          <Input.TextArea maxLength={500} showCount rows={2} placeholder="如:救助对象扩大至低边家庭;整合市、区两级资金与社会捐赠" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
