import { useEffect, useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Enterprise } from '@gonghui/contracts';
import type { ReviewCreditCodeBody } from '../../api/contract-types';
import { enterpriseApi } from '../../api/enterprise.api';
import { applyServerErrors } from '../../api/form-errors';
import { queryKeys } from '../../api/query-keys';

type ReviewValues = Pick<ReviewCreditCodeBody, 'decision' | 'opinion'>;

/** 核实信用代码: confirm (the code really was issued so) or reject a code accepted with a wrong check character. */
export function EnterpriseReviewModal({ enterprise, onClose }: { enterprise: Enterprise | null; onClose: () => void }) {
  const [form] = Form.useForm<ReviewValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!enterprise) return;
    setFailure(null);
    form.resetFields();
  }, [enterprise, form]);

  const review = useMutation({
    mutationFn: (v: ReviewValues) => {
      if (!enterprise) throw new Error('没有选择企业');
      return enterpriseApi.review(enterprise.id, { decision: v.decision, opinion: v.opinion.trim() });
    },
    onSuccess: (e) => {
      void message.success(`已核实:${e.name}`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.enterprises });
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['decision', 'opinion'])),
  });

  return (
    <Modal
      open={!!enterprise}
      title="核实统一社会信用代码"
      okText="提交"
      confirmLoading={review.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      {enterprise ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'name', label: '企业名称', children: enterprise.name },
            { key: 'code', label: '信用代码', children: enterprise.creditCode },
            { key: 'reason', label: '登记时说明', children: enterprise.creditCodeReviewReason ?? '—' },
          ]}
        />
      ) : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<ReviewValues> name="enterprise-review-form" form={form} layout="vertical" onFinish={(v) => review.mutate(v)}>
        <Form.Item label="核实结果" name="decision" rules={[{ required: true, message: '请选择核实结果' }]}>
          <Radio.Group
            options={[
              { value: 'confirmed', label: '属实(代码确为登记机关赋予)' },
              { value: 'rejected', label: '不符(代码有误,需更正)' },
            ]}
          />
        </Form.Item>
        <Form.Item label="核实意见" name="opinion" rules={[{ required: true, whitespace: true, message: '请填写核实意见' }]}>
          <Input.TextArea maxLength={200} showCount rows={3} placeholder="如:经查国家企业信用信息公示系统,代码属实" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
