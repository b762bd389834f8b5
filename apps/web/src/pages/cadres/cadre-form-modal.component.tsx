import { useEffect, useState } from 'react';
import { Alert, App, DatePicker, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { Cadre, CadrePosition, ElectionMethod } from '@gonghui/contracts';
import { cadreApi, cadreKeys, type CadreBody } from '../../api/cadre.api';
import { applyServerErrors } from '../../api/form-errors';
import { dayjs } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { OrgTreeSelect } from '../../components/org-tree-select.component';
import { ELECTION_OPTIONS, POSITION_OPTIONS } from './cadre-labels';

interface Values {
  name: string;
  gender: 'male' | 'female';
  idCard?: string;
  phone?: string;
  orgId?: string;
  position?: CadrePosition;
  fullTime: boolean;
  officeStart?: Dayjs;
  officeEnd?: Dayjs | null;
  electedHow: ElectionMethod;
}

const FIELDS = ['name', 'gender', 'idCard', 'phone', 'orgId', 'committeeId', 'position', 'fullTime', 'officeStart', 'officeEnd', 'electedHow'] as const;
const text = (s: string | undefined) => s?.trim() || undefined;
const toValues = (k: Cadre): Values => ({
  name: k.name, gender: k.gender, orgId: k.orgId, position: k.position, fullTime: k.fullTime, officeStart: dayjs(k.officeStart), officeEnd: k.officeEnd ? dayjs(k.officeEnd) : null, electedHow: k.electedHow,
});

/** 登记 / 修改工会干部: 身份证 (encrypted, masked; links the member record), union, position, 专职/兼职, office dates. */
export function CadreFormModal({ open, cadre, onClose, onSaved }: { open: boolean; cadre?: Cadre; onClose: () => void; onSaved?: (k: Cadre) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { user } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (cadre) form.setFieldsValue(toValues(cadre));
  }, [open, cadre, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: CadreBody = {
        name: v.name.trim(), gender: v.gender, idCard: text(v.idCard) ?? '', phone: text(v.phone), orgId: v.orgId ?? '', position: v.position ?? 'committee_member', fullTime: v.fullTime,
        officeStart: v.officeStart?.format('YYYY-MM-DD') ?? '', officeEnd: v.officeEnd?.format('YYYY-MM-DD'), electedHow: v.electedHow,
        // the committee stays when the union does; a new union's current committee is taken by the server
        committeeId: cadre && cadre.orgId === v.orgId ? (cadre.committeeId ?? undefined) : undefined,
      };
      return cadre ? cadreApi.update(cadre.id, { ...body, version: cadre.version }) : cadreApi.create(body);
    },
    onSuccess: (k) => {
      void message.success(cadre ? '已保存' : `已登记干部:${k.name}${k.memberId ? '(已关联会员档案)' : ''}`);
      void client.invalidateQueries({ queryKey: cadreKeys.all });
      onSaved?.(k);
      onClose();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, FIELDS)),
  });

  return (
    <Modal open={open} width={720} title={cadre ? `修改干部信息:${cadre.name}` : '登记工会干部'} okText="保存" cancelText="取消" confirmLoading={save.isPending} onOk={() => form.submit()} onCancel={onClose} forceRender destroyOnHidden>
      <Typography.Paragraph type="secondary">身份证号、电话加密保存,显示与导出均脱敏;性别须与身份证号一致。干部自动归入所属工会的本届委员会。</Typography.Paragraph>
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> name="cadre-form" form={form} layout="vertical" initialValues={{ gender: 'male', orgId: user?.orgId, fullTime: false, electedHow: 'competitive' }} onFinish={(v) => save.mutate(v)}>
        <Flex gap={12} wrap>
          <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={30} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label="性别" name="gender">
            <Radio.Group options={[{ value: 'male', label: '男' }, { value: 'female', label: '女' }]} optionType="button" />
          </Form.Item>
          <Form.Item label="身份证号" name="idCard" rules={cadre ? [] : [{ required: true, whitespace: true, message: '请填写身份证号' }]} extra={cadre ? `已登记 ${cadre.idCard},留空不变` : '18位,校验位自动核对'}>
            <Input maxLength={18} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="手机号" name="phone" extra={cadre?.phone ? `已登记 ${cadre.phone},留空不变` : '选填'}>
            <Input maxLength={11} style={{ width: 150 }} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label="所属工会" name="orgId" rules={[{ required: true, message: '请选择所属工会' }]} style={{ width: 300 }}>
            <OrgTreeSelect placeholder="选择工会" />
          </Form.Item>
          <Form.Item label="职务" name="position" rules={[{ required: true, message: '请选择职务' }]}>
            <Select options={POSITION_OPTIONS} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label="专职/兼职" name="fullTime" extra="决定年度学时目标">
            <Radio.Group options={[{ value: true, label: '专职' }, { value: false, label: '兼职' }]} optionType="button" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item label="任职日期" name="officeStart" rules={[{ required: true, message: '请选择任职日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item label="任期届满" name="officeEnd" extra="一般同本届委员会届满日期,可留空">
            <DatePicker />
          </Form.Item>
          <Form.Item label="产生方式" name="electedHow">
            <Select options={ELECTION_OPTIONS} style={{ width: 130 }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
