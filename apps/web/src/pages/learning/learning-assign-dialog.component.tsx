import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ASSIGNMENT_AUDIENCE_LABELS, ORG_KINDS, ORG_KIND_LABELS, type AssignmentAudience, type AssignmentBodyInput, type OrgKind } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { applyMappedServerErrors } from '../../api/form-errors';
import { learningApi, learningKeys } from '../../api/learning.api';
import { dayjs } from '../../app/time';
import { OrgTreeSelect } from '../../components/org-tree-select.component';

interface AssignForm {
  audience: AssignmentAudience;
  mode: 'subtree' | 'list';
  rootId?: string;
  includeRoot: boolean;
  kinds?: OrgKind[];
  orgIds?: string[];
  userIds?: string[];
  deadline?: dayjs.Dayjs;
  remindDays: number;
  note?: string;
}

const toBody = (v: AssignForm): AssignmentBodyInput => ({
  audience: v.audience,
  target: v.audience === 'people' ? undefined : v.mode === 'subtree' ? { mode: 'subtree', rootId: v.rootId ?? '', includeRoot: v.includeRoot, kinds: v.kinds?.length ? v.kinds : undefined } : { mode: 'list', orgIds: v.orgIds ?? [] },
  userIds: v.audience === 'people' ? v.userIds : undefined,
  deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '',
  remindDays: v.remindDays,
  note: v.note,
});

const FIELD_OF = { 'target.rootId': 'rootId', 'target.orgIds': 'orgIds', target: 'rootId', userIds: 'userIds', deadline: 'deadline', remindDays: 'remindDays', note: 'note' };

/** 指派课程: to the members or the staff of orgs picked in the tree, or to named people; shows how many it reaches before sending. */
export function LearningAssignDialog({ courseId, open, onClose }: { courseId: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<AssignForm>();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const values = Form.useWatch([], form) as AssignForm | undefined;
  const people = useQuery({ queryKey: ['learning', 'people', q], queryFn: () => learningApi.people(q), enabled: q.length > 0 });
  const ready = !!values && (values.audience === 'people' ? !!values.userIds?.length : values.mode === 'subtree' ? !!values.rootId : !!values.orgIds?.length);
  const preview = useQuery({
    queryKey: ['learning', 'preview', courseId, values ? JSON.stringify(toBody({ ...values, deadline: dayjs('2099-12-31') })) : ''],
    queryFn: () => learningApi.preview(courseId, toBody({ ...values!, deadline: dayjs('2099-12-31') })),
    enabled: open && ready,
    retry: false,
  });
  const save = useMutation({
    mutationFn: (v: AssignForm) => learningApi.assign(courseId, toBody(v)),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: learningKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => setFailure(applyMappedServerErrors(form, e, FIELD_OF)),
  });
  const kindOptions = ORG_KINDS.filter((k) => k !== 'city').map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }));
  return (
    <Modal title="指派课程" open={open} onCancel={onClose} okText="指派" cancelText="取消" confirmLoading={save.isPending} onOk={() => form.submit()} width={640} destroyOnHidden>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<AssignForm> form={form} layout="vertical" initialValues={{ audience: 'members', mode: 'subtree', includeRoot: true, remindDays: 3 }} onFinish={(v) => { setFailure(null); save.mutate(v); }} data-testid="assign-form">
        <Form.Item name="audience" label="指派对象">
          <Radio.Group options={(Object.keys(ASSIGNMENT_AUDIENCE_LABELS) as AssignmentAudience[]).map((a) => ({ value: a, label: ASSIGNMENT_AUDIENCE_LABELS[a] }))} />
        </Form.Item>
        {values?.audience === 'people' ? (
          <Form.Item name="userIds" label="人员" rules={[{ required: true, message: '请至少指定一人' }]}>
            <Select mode="multiple" showSearch filterOption={false} onSearch={setQ} placeholder="输入姓名查找" loading={people.isFetching}
              options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name}(${p.orgName}${p.kind === 'staff' ? ',干部' : ''})` }))} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="mode" label="组织范围">
              <Radio.Group options={[{ value: 'subtree', label: '某组织及其下级' }, { value: 'list', label: '指定组织' }]} />
            </Form.Item>
            {values?.mode === 'list' ? (
              <Form.Item name="orgIds" label="组织" rules={[{ required: true, message: '请至少选择一个组织' }]}>
                <OrgTreeSelect multiple placeholder="选择组织" />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="rootId" label="上级组织" rules={[{ required: true, message: '请选择组织' }]}>
                  <OrgTreeSelect placeholder="选择组织" aria-label="上级组织" />
                </Form.Item>
                <Form.Item name="kinds" label="只含这些类型的组织(不选为全部)">
                  <Select mode="multiple" allowClear options={kindOptions} />
                </Form.Item>
                <Form.Item name="includeRoot" label="含该组织本身">
                  <Radio.Group options={[{ value: true, label: '含' }, { value: false, label: '不含' }]} />
                </Form.Item>
              </>
            )}
          </>
        )}
        <Form.Item name="deadline" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
        </Form.Item>
        <Form.Item name="remindDays" label="截止前几个工作日提醒未完成的人员(提醒一次,按节假日日历)">
          <InputNumber min={0} max={30} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input maxLength={200} />
        </Form.Item>
        <Typography.Text data-testid="assign-count">
          {!ready ? '选择范围后显示人数' : preview.isFetching ? '正在计算人数…' : preview.isError ? errorMessage(preview.error) : `将指派 ${preview.data?.count ?? 0} 人${preview.data?.orgCount ? `(${preview.data.orgCount} 个组织)` : ''};名单在指派时确定,之后加入的人员不会自动指派。`}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
