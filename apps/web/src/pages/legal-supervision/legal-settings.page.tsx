import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LegalSettings } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { legalApi, legalKeys, type LegalSettingsBody } from '../../api/legal-supervision.api';
import { PageTitle } from '../../components/page-title.component';

const FIELDS = ['reminderDays', 'opinionDays', 'recommendationDays', 'serialPrefix'];

function SettingsModal({ s, onClose }: { s: LegalSettings | null; onClose: () => void }) {
  const [form] = Form.useForm<LegalSettingsBody>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: LegalSettingsBody) => legalApi.saveSettings(s!.orgId, v),
    onSuccess: (rows) => {
      qc.setQueryData(legalKeys.settings, rows);
      void message.success('已保存,此后起草的文书按新期限计算');
      onClose();
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, FIELDS);
      if (rest) void message.error(rest);
    },
  });
  const days = (name: keyof LegalSettingsBody, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={1} max={60} addonAfter="个工作日" />
    </Form.Item>
  );
  return (
    <Modal open={s !== null} title={`${s?.orgName ?? ''} · 回复期限`} okText="保存" cancelText="取消" confirmLoading={save.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<LegalSettingsBody> form={form} layout="vertical" initialValues={s ?? {}} onFinish={(v) => save.mutate(v)} data-testid="settings-form">
        {days('reminderDays', '提示函回复期限')}
        {days('opinionDays', '意见书回复期限')}
        {days('recommendationDays', '建议书立案期限')}
        <Form.Item name="serialPrefix" label="文号前缀" extra="如“杭工法监”,文号为 前缀〔年度〕序号号;不填按单位名称生成。">
          <Input maxLength={12} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 期限设置: the city's and each district's reply periods in 工作日 and 文号 prefix (unset: the city's, else the defaults). */
export function LegalSettingsPage() {
  const q = useQuery({ queryKey: legalKeys.settings, queryFn: legalApi.settings });
  const [editing, setEditing] = useState<LegalSettings | null>(null);
  return (
    <>
      <PageTitle title="法律监督期限设置" />
      <Typography.Paragraph type="secondary">
        各区县(市)总工会可按本辖区规定设置“一函两书”的回复期限(工作日)。未设置的区县沿用市总工会的设置;市总也未设置时按默认:意见书15个工作日内回复、建议书5个工作日内立案、提示函10个工作日内回复。期限在起草文书时确定,修改设置不影响已起草的文书。
      </Typography.Paragraph>
      <Table<LegalSettings>
        rowKey="orgId"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        columns={[
          { title: '辖区', dataIndex: 'orgName', render: (v: string, r) => <span>{v} {r.custom ? <Tag color="blue">已设置</Tag> : <Tag>沿用{r.level === 'city' ? '默认' : '市总或默认'}</Tag>}</span> },
          { title: '提示函', dataIndex: 'reminderDays', width: 110, render: (v: number) => `${v} 个工作日` },
          { title: '意见书', dataIndex: 'opinionDays', width: 110, render: (v: number) => `${v} 个工作日` },
          { title: '建议书', dataIndex: 'recommendationDays', width: 110, render: (v: number) => `${v} 个工作日` },
          { title: '文号前缀', dataIndex: 'serialPrefix', width: 140 },
          { title: '操作', key: 'op', width: 80, render: (_v, r) => (r.canEdit ? <Button type="link" onClick={() => setEditing(r)}>设置</Button> : null) },
        ]}
        data-testid="settings-table"
      />
      <SettingsModal s={editing} onClose={() => setEditing(null)} />
    </>
  );
}
