import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { COVERAGE_MIN_EMPLOYEES_RANGE, updateCoverageSettingsBodySchema } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { coverageApi } from '../../api/coverage.api';
import { applyServerErrors, schemaRule } from '../../api/form-errors';
import { queryKeys } from '../../api/query-keys';

interface SettingsValues {
  minEmployees: number;
  reason?: string;
}

/** Under the `coverage` prefix, so invalidating the coverage answers refreshes this one too. */
const settingsKey = [...queryKeys.coverage, 'settings'] as const;

/**
 * 统计口径设置: the button (shown to holders of `coverage:settings:configure`) and its modal for the
 * 建会率 enterprise size threshold. Saving asks for confirmation; the server recomputes every
 * counter in the same transaction, then every coverage answer is fetched again.
 */
export function CoverageSettingsButton() {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<SettingsValues>();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const settings = useQuery({ queryKey: settingsKey, queryFn: coverageApi.settings, enabled: open });
  const current = settings.data?.minEmployees;

  useEffect(() => {
    if (!open || current === undefined) return;
    setFailure(null);
    form.setFieldsValue({ minEmployees: current, reason: undefined });
  }, [open, current, form]);

  const save = useMutation({
    mutationFn: (v: SettingsValues) => coverageApi.updateSettings({ minEmployees: v.minEmployees, reason: v.reason?.trim() || undefined }),
    onSuccess: (s) => {
      void message.success(`统计口径已更新:企业规模下限 ${s.minEmployees} 人,建会率已按新口径重新计算`);
      queryClient.setQueryData(settingsKey, s);
      void queryClient.invalidateQueries({ queryKey: queryKeys.coverage });
      setOpen(false);
    },
    onError: (error) => setFailure(applyServerErrors(form, error, ['minEmployees', 'reason'])),
  });

  const submit = (v: SettingsValues) => {
    if (v.minEmployees === current) {
      void message.info('企业规模下限没有变化');
      setOpen(false);
      return;
    }
    modal.confirm({
      title: '确认修改建会率统计口径?',
      content: `企业规模下限将由 ${current ?? '—'} 人改为 ${v.minEmployees} 人。全市各级组织的建会率将按新口径重新计算,此操作将记入审计日志。`,
      okText: '确认修改',
      cancelText: '取消',
      onOk: () => save.mutateAsync(v).catch(() => undefined),
    });
  };

  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)} data-testid="coverage-settings-button">
        统计口径设置
      </Button>
      <Modal
        open={open}
        title="建会率统计口径设置"
        okText="保存"
        confirmLoading={save.isPending}
        okButtonProps={{ disabled: current === undefined }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        forceRender
      >
        {settings.isError ? <Alert type="error" showIcon title={errorMessage(settings.error)} style={{ marginBottom: 12 }} /> : null}
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        {settings.isPending ? <Skeleton active paragraph={{ rows: 2 }} /> : null}
        <Form<SettingsValues> name="coverage-settings-form" form={form} layout="vertical" onFinish={submit} hidden={current === undefined}>
          <Form.Item
            label="企业规模下限(职工人数)"
            name="minEmployees"
            extra={`建会率分母只计职工人数 ≥ 该值的企业(分子为其中已建会的企业);职工人数低于该值的企业仍登记在册,但不计入建会率。修改后全市生效,当前为 ${current ?? '—'} 人。`}
            rules={[{ required: true, message: '请填写企业规模下限' }, schemaRule(updateCoverageSettingsBodySchema.shape.minEmployees)]}
          >
            <InputNumber min={COVERAGE_MIN_EMPLOYEES_RANGE.min} max={COVERAGE_MIN_EMPLOYEES_RANGE.max} precision={0} suffix="人" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="调整原因" name="reason">
            <Input.TextArea maxLength={200} showCount rows={2} placeholder="选填,如:按上级工会年度统计口径调整" />
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          入会率不受此设置影响。
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
