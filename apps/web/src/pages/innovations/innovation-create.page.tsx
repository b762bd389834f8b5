import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Radio } from 'antd';
import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { InnovationKind } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { innovationApi } from '../../api/innovation.api';
import { MemberSelect } from '../../components/member-select.component';
import { PageTitle } from '../../components/page-title.component';
import { InnovationFields } from './innovation-fields.component';

interface CreateValues {
  who: 'member' | 'team';
  memberId?: string;
  teamName?: string;
  teamMembers?: { name?: string; memberId?: string | null }[];
  kind: InnovationKind;
  title: string;
  problem: string;
  proposal: string;
  expectedBenefit: string;
}

const FIELDS = ['memberId', 'teamName', 'teamMembers', 'kind', 'title', 'problem', 'proposal', 'expectedBenefit'] as const;

/** 代职工填报: for a worker, or for a team whose members are linked to the registry where they can be. Saved as a draft. */
export function InnovationCreatePage() {
  const [form] = Form.useForm<CreateValues>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [failure, setFailure] = useState<string | null>(null);
  const who = Form.useWatch('who', form);
  const create = useMutation({
    mutationFn: (v: CreateValues) => {
      const fields = { kind: v.kind, title: v.title, problem: v.problem, proposal: v.proposal, expectedBenefit: v.expectedBenefit };
      if (v.who === 'member') return innovationApi.create({ ...fields, memberId: v.memberId });
      const team = (v.teamMembers ?? []).map((m) => ({ name: m.name?.trim() || undefined, memberId: m.memberId ?? null })).filter((m) => m.name || m.memberId);
      return innovationApi.create({ ...fields, teamName: v.teamName, teamMembers: team });
    },
    onSuccess: (inv) => {
      void message.success('已保存为草稿,可上传附件后提交');
      void navigate(`/innovations/${inv.id}`, { replace: true });
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });
  return (
    <>
      <PageTitle title="代职工填报创新项目" extra={<Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/innovations')}>返回列表</Button>} />
      <Card style={{ maxWidth: 860 }}>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
        <Form<CreateValues> name="innovation-create-form" form={form} layout="vertical" initialValues={{ who: 'member', teamMembers: [{}, {}] }} onFinish={(v) => create.mutate(v)}>
          <Form.Item label="申报对象" name="who">
            <Radio.Group options={[{ value: 'member', label: '职工个人' }, { value: 'team', label: '班组(团队)' }]} />
          </Form.Item>
          {who === 'team' ? (
            <>
              <Form.Item label="班组名称" name="teamName" rules={[{ required: true, whitespace: true, message: '请填写班组名称' }]}>
                <Input maxLength={40} placeholder="如:总装一班" />
              </Form.Item>
              <Form.Item label="班组成员" extra="第一位为负责人(奖励发给负责人);能在会员库中找到的请选择会员,找不到的只填姓名,保存时按本工会会员姓名自动关联。">
                <Form.List name="teamMembers">
                  {(rows, { add, remove }) => (
                    <>
                      {rows.map((row) => (
                        <Flex key={row.key} gap={8} style={{ marginBottom: 8 }}>
                          <Form.Item name={[row.name, 'memberId']} noStyle><MemberSelect placeholder="选择会员" /></Form.Item>
                          <Form.Item name={[row.name, 'name']} noStyle><Input placeholder="或填写姓名" style={{ width: 160 }} maxLength={20} /></Form.Item>
                          <Button type="text" icon={<MinusCircleOutlined />} aria-label="移除成员" onClick={() => remove(row.name)} />
                        </Flex>
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => add({})}>添加成员</Button>
                    </>
                  )}
                </Form.List>
              </Form.Item>
            </>
          ) : (
            <Form.Item label="职工" name="memberId" rules={[{ required: true, message: '请选择职工' }]}>
              <MemberSelect placeholder="输入姓名、拼音或身份证号查找" />
            </Form.Item>
          )}
          <InnovationFields />
          <Button type="primary" htmlType="submit" loading={create.isPending}>保存草稿</Button>
        </Form>
      </Card>
    </>
  );
}
