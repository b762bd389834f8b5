import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { LEGAL_NOTICE_KINDS, LEGAL_NOTICE_KIND_LABELS, type LegalNotice, type LegalNoticeCategory, type LegalNoticeKind } from '@gonghui/contracts';
import { applyServerErrors } from '../../api/form-errors';
import { legalApi, legalKeys } from '../../api/legal-supervision.api';
import { EnterpriseSelect } from '../../components/enterprise-select.component';

interface Values {
  kind: LegalNoticeKind;
  enterpriseId: string;
  category: LegalNoticeCategory;
  problem: string;
  legalBasis: string;
  demand: string;
  addressee?: string;
}

const FIELDS = ['kind', 'enterpriseId', 'category', 'problem', 'legalBasis', 'demand', 'addressee'];

/** 起草 (or 修改草稿): the instrument, the enterprise, a common problem that fills the legal basis and the demand, then the facts. */
export function LegalNoticeFormModal({ open, notice, onClose, onSaved }: { open: boolean; notice?: LegalNotice; onClose: () => void; onSaved: (n: LegalNotice) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const templates = useQuery({ queryKey: legalKeys.templates, queryFn: legalApi.templates, enabled: open });
  const kind = Form.useWatch('kind', form);
  const save = useMutation({
    mutationFn: (v: Values) => (notice ? legalApi.update(notice.id, { category: v.category, problem: v.problem, legalBasis: v.legalBasis, demand: v.demand, addressee: v.addressee }) : legalApi.create(v)),
    onSuccess: (n) => {
      void message.success(notice ? '已保存草稿' : '已按模板起草,请核对正文后签发');
      onSaved(n);
    },
    onError: (e) => {
      const rest = applyServerErrors(form, e, FIELDS);
      if (rest) void message.error(rest);
    },
  });
  const pickPreset = (category: LegalNoticeCategory) => {
    const p = templates.data?.presets.find((x) => x.category === category);
    if (p && p.legalBasis) form.setFieldsValue({ problem: p.problem, legalBasis: p.legalBasis, demand: p.demand });
  };
  const initial: Partial<Values> = notice
    ? { kind: notice.kind, enterpriseId: notice.enterpriseId, category: notice.category, problem: notice.problem, legalBasis: notice.legalBasis, demand: notice.demand, addressee: notice.addressee }
    : { kind: 'reminder' };
  return (
    <Modal open={open} width={720} title={notice ? '修改草稿' : '起草法律监督文书'} okText={notice ? '保存' : '起草'} cancelText="取消" confirmLoading={save.isPending} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} data-testid="notice-form">
        <Form.Item name="kind" label="文书种类" rules={[{ required: true, message: '请选择文书种类' }]} extra="提示函、意见书送企业;建议书送劳动保障行政部门,提请立案查处。">
          <Radio.Group disabled={Boolean(notice)} optionType="button" options={LEGAL_NOTICE_KINDS.map((k) => ({ value: k, label: LEGAL_NOTICE_KIND_LABELS[k] }))} />
        </Form.Item>
        {notice ? (
          <Form.Item label="企业">
            <Input disabled value={notice.enterpriseName} />
          </Form.Item>
        ) : (
          <Form.Item name="enterpriseId" label="企业" rules={[{ required: true, message: '请选择企业' }]}>
            <EnterpriseSelect placeholder="按名称或统一社会信用代码查找" />
          </Form.Item>
        )}
        {kind === 'recommendation' ? (
          <Form.Item name="addressee" label="收文机关" extra="不填则为企业所在区县人力资源和社会保障局(劳动保障监察机构)。">
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]} extra="选择常见问题会填入对应的法律依据和整改要求,请按实际情况修改。">
          <Select options={(templates.data?.presets ?? []).map((p) => ({ value: p.category, label: p.label }))} onChange={pickPreset} data-testid="notice-category" />
        </Form.Item>
        <Form.Item name="problem" label="发现的问题" rules={[{ required: true, message: '请填写发现的问题' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="legalBasis" label="法律依据" rules={[{ required: true, message: '请填写法律依据' }]} extra="例如《中华人民共和国劳动合同法》第十条、《工资支付暂行规定》第七条。">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="demand" label="整改要求" rules={[{ required: true, message: '请填写整改要求' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
