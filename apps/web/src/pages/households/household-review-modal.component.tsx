import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { Household, TierResult } from '@gonghui/contracts';
import { ApiError } from '../../api/api-client';
import { householdApi, householdKeys } from '../../api/household.api';
import { APP_TIME_ZONE, dayjs } from '../../app/time';
import { HouseholdFactsFields } from './household-facts-fields.component';
import { applyHouseholdErrors, FACT_FIELDS, factsBody, factsValuesOf, type HouseholdFactsValues } from './household-form-values';
import { HOUSEHOLD_TIER_LABELS } from './household-labels';
import { HouseholdTierPreview } from './household-tier-preview.component';

interface ReviewValues extends HouseholdFactsValues {
  reviewedOn: Dayjs;
  opinion: string;
}

interface HouseholdReviewModalProps {
  household: Household | null;
  onClose: () => void;
}

/**
 * 年度复核: the household's facts prefilled, the last 12 months' income entered again, a review
 * opinion; confirmed first. A result that no longer qualifies exits the household (the confirm says so).
 */
export function HouseholdReviewModal({ household, onClose }: HouseholdReviewModalProps) {
  const [form] = Form.useForm<ReviewValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [preview, setPreview] = useState<TierResult | null>(null);
  const onResult = useCallback((r: TierResult | null) => setPreview(r), []);

  useEffect(() => {
    if (!household) return;
    setFailure(null);
    form.resetFields();
    form.setFieldsValue({ ...factsValuesOf(household, true), reviewedOn: dayjs().tz(APP_TIME_ZONE) });
  }, [household, form]);

  const review = useMutation({
    mutationFn: (v: ReviewValues) => {
      if (!household) throw new Error('没有选择档案');
      return householdApi.review(household.id, { ...factsBody(v), reviewedOn: v.reviewedOn.format('YYYY-MM-DD'), opinion: v.opinion.trim(), version: household.version });
    },
    onSuccess: (h) => {
      void message.success(h.status === 'exited' ? `复核完成:${h.headName} 家庭不再符合建档标准,已退出档案` : `复核完成:认定为${h.tier ? HOUSEHOLD_TIER_LABELS[h.tier] : ''},下次复核 ${h.nextReviewOn}`);
      void queryClient.invalidateQueries({ queryKey: householdKeys.all });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setFailure('该档案已被他人修改,请关闭后刷新档案再复核。');
        return;
      }
      setFailure(applyHouseholdErrors(form, error, ['reviewedOn', 'opinion', ...FACT_FIELDS]));
    },
  });

  const submit = (v: ReviewValues) => {
    const exits = preview !== null && !preview.eligible;
    modal.confirm({
      title: exits ? '复核结果不符合建档标准,确认提交?' : `确认提交 ${household?.headName ?? ''} 家庭的年度复核?`,
      content: exits
        ? `${preview.reason}。提交后该户将退出困难职工档案(退出原因:复核不再符合建档标准),记录保留在档案中。`
        : preview
          ? `按试算结果认定为「${preview.tierLabel ?? ''}」,下次复核日期为一年后。最终以服务器认定为准。`
          : '困难类型将由系统按所填情况重新认定。',
      okText: exits ? '确认复核并退出' : '确认复核',
      okButtonProps: { danger: exits },
      cancelText: '取消',
      onOk: () => review.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <Modal open={!!household} title={`年度复核:${household?.headName ?? ''}`} width={1080} okText="提交复核" confirmLoading={review.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Typography.Paragraph type="secondary">
        请入户核实后,重新填写最近12个月的家庭收入并核对家庭成员、资产和致困原因。上次建档/复核:{household?.lastReviewedOn ?? '—'},应复核日期:{household?.nextReviewOn ?? '—'}。
      </Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<ReviewValues> name="household-review-form" form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <HouseholdFactsFields />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="复核日期" name="reviewedOn" rules={[{ required: true, message: '请选择复核日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item label="复核意见" name="opinion" rules={[{ required: true, whitespace: true, message: '请填写复核意见' }]}>
              <Input.TextArea rows={2} maxLength={500} showCount placeholder="如:经入户核实,家庭收入与申报一致,继续纳入困难职工档案" />
            </Form.Item>
          </Col>
        </Row>
        <HouseholdTierPreview headMemberId={household?.headMemberId} householdId={household?.id} onResult={onResult} />
      </Form>
    </Modal>
  );
}
