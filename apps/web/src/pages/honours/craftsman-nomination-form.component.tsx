import { useEffect, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd';
import { ImportOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { CONTEST_LEVELS, CONTEST_LEVEL_LABELS, type CraftsmanCall, type CraftsmanContest, type CraftsmanNomination } from '@gonghui/contracts';
import { craftsmanApi, craftsmanKeys } from '../../api/craftsman.api';
import { errorMessage } from '../../api/api-client';
import { applyMappedServerErrors } from '../../api/form-errors';
import { MemberSelect } from '../../components/member-select.component';

interface Values {
  callId?: string;
  memberId?: string;
  trade: string;
  employerName: string;
  employedInHangzhou: boolean;
  tradeStartedOn: Dayjs;
  hangzhouFullTimeSince: Dayjs;
  contestResults?: CraftsmanContest[];
  deeds: string;
}

interface Props {
  open: boolean;
  calls: CraftsmanCall[];
  /** editing a draft or returned nomination; null: a new one */
  nomination?: CraftsmanNomination | null;
  onClose: () => void;
  onSaved: (n: CraftsmanNomination) => void;
}

const FIELDS: Record<string, string> = {
  callId: 'callId', memberId: 'memberId', frontline: 'memberId', trade: 'trade', employerName: 'employerName', employedInHangzhou: 'employedInHangzhou',
  tradeStartedOn: 'tradeStartedOn', hangzhouFullTimeSince: 'hangzhouFullTimeSince', contestResults: 'contestResults', deeds: 'deeds',
};

/** 推荐候选人 / 修改推荐: the server checks every rule and names each one not met on its field. */
export function CraftsmanNominationForm({ open, calls, nomination = null, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const openCalls = calls.filter((c) => c.abilities.canNominate);
  const pickedMember = Form.useWatch('memberId', form);
  const memberId = nomination?.memberId ?? pickedMember;
  const fromRegistry = useMutation({
    mutationFn: (id: string) => craftsmanApi.registryContests(id),
    onSuccess: (found) => {
      const current = form.getFieldValue('contestResults') as CraftsmanContest[] | undefined;
      const have = new Set((current ?? []).map((c) => `${c.name}|${c.year}`));
      const added = found.filter((c) => !have.has(`${c.name}|${c.year}`));
      form.setFieldsValue({ contestResults: [...(current ?? []), ...added] });
      void message.info(found.length === 0 ? '技能比武中没有该会员市级及以上的成绩' : added.length === 0 ? '技能比武中的成绩都已在表中' : `已从技能比武导入 ${added.length} 项成绩,请核对`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (nomination) {
      form.setFieldsValue({ trade: nomination.trade, employerName: nomination.employerName, employedInHangzhou: nomination.employedInHangzhou, tradeStartedOn: dayjs(nomination.tradeStartedOn), hangzhouFullTimeSince: dayjs(nomination.hangzhouFullTimeSince), contestResults: nomination.contestResults, deeds: nomination.deeds });
    } else form.setFieldsValue({ callId: openCalls[0]?.id, employedInHangzhou: true, contestResults: [] });
  }, [open, nomination, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const facts = { trade: v.trade, employerName: v.employerName, employedInHangzhou: v.employedInHangzhou, tradeStartedOn: v.tradeStartedOn.format('YYYY-MM-DD'), hangzhouFullTimeSince: v.hangzhouFullTimeSince.format('YYYY-MM-DD'), contestResults: v.contestResults ?? [], deeds: v.deeds };
      return nomination ? craftsmanApi.update(nomination.id, facts) : craftsmanApi.create({ callId: v.callId ?? '', memberId: v.memberId ?? '', ...facts });
    },
    onSuccess: (n) => {
      void message.success(n.eligibility.waiver ? `已保存(${n.eligibility.waiver})` : '已保存');
      void qc.invalidateQueries({ queryKey: craftsmanKeys.all });
      onSaved(n);
    },
    onError: (e) => setFailure(applyMappedServerErrors(form, e, FIELDS)),
  });

  return (
    <Modal open={open} title={nomination ? `修改推荐:${nomination.memberName}` : '推荐杭州工匠候选人'} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} width={760} destroyOnHidden>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} /> : null}
      {!nomination && openCalls.length === 0 ? <Alert type="info" showIcon message="当前没有处于推荐期且本单位有剩余名额的年度评选" style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" name="craftsman-nomination" onFinish={(v) => save.mutate(v)}>
        {nomination ? null : (
          <Space size="large" wrap>
            <Form.Item name="callId" label="年度评选" rules={[{ required: true, message: '请选择年度评选' }]}>
              <Select style={{ width: 260 }} options={openCalls.map((c) => ({ value: c.id, label: c.title }))} />
            </Form.Item>
            <Form.Item name="memberId" label="被推荐会员" rules={[{ required: true, message: '请选择被推荐会员' }]} extra="须为本单位及下级的在册会员,会员档案中标记为一线职工">
              <MemberSelect placeholder="姓名、拼音或身份证号" />
            </Form.Item>
          </Space>
        )}
        <Space size="large" wrap>
          <Form.Item name="trade" label="职业(工种)" rules={[{ required: true, message: '请填写职业(工种)' }]}>
            <Input maxLength={50} placeholder="如 数控车工、西湖龙井炒茶" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="employerName" label="工作单位" rules={[{ required: true, message: '请填写工作单位' }]}>
            <Input maxLength={100} style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="employedInHangzhou" label="在杭州市域内就业" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Space>
        <Space size="large" wrap>
          <Form.Item name="tradeStartedOn" label="从事本职业起始日期" rules={[{ required: true, message: '请选择日期' }]} extra="须满10年,竞赛成绩可免">
            <DatePicker />
          </Form.Item>
          <Form.Item name="hangzhouFullTimeSince" label="在杭全职工作起始日期" rules={[{ required: true, message: '请选择日期' }]} extra="须满1年">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item label="竞赛成绩" extra="国家级、世界级竞赛前三名或省级竞赛第一名,免从业10年要求" style={{ marginBottom: 8 }} />
        <Form.List name="contestResults">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写竞赛名称' }]}>
                    <Input placeholder="竞赛名称" style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'level']} rules={[{ required: true, message: '请选择级别' }]}>
                    <Select placeholder="级别" aria-label="竞赛级别" style={{ width: 100 }} options={CONTEST_LEVELS.map((l) => ({ value: l, label: CONTEST_LEVEL_LABELS[l] }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'rank']} rules={[{ required: true, message: '请填写名次' }]}>
                    <InputNumber min={1} placeholder="名次" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'year']} rules={[{ required: true, message: '请填写年份' }]}>
                    <InputNumber min={1980} max={2100} placeholder="年份" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除竞赛成绩" />
                </Space>
              ))}
              <Space style={{ marginBottom: 16 }}>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level: 'provincial', year: dayjs().year() - 1 })}>
                  添加竞赛成绩
                </Button>
                <Button icon={<ImportOutlined />} disabled={!memberId} loading={fromRegistry.isPending} onClick={() => memberId && fromRegistry.mutate(memberId)} data-testid="craftsman-import-contests">
                  从技能比武导入
                </Button>
              </Space>
            </>
          )}
        </Form.List>
        <Form.Item name="deeds" label="主要事迹" rules={[{ required: true, message: '请填写主要事迹' }, { min: 10, message: '主要事迹至少10个字' }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
