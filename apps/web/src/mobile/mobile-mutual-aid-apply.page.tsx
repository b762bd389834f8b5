import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { MUTUAL_AID_ATTACHMENT_LABELS, MUTUAL_AID_FAMILY_RELATIONS, type MutualAidAttachmentType, type MutualAidClaim } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { applyMappedServerErrors } from '../api/form-errors';
import { mutualAidKeys, myMutualAidApi, type ApplyMutualAidClaimBody, type UpdateMutualAidClaimBody } from '../api/mutual-aid.api';
import { AttachmentUpload } from '../components/attachment-upload.component';
import { ATTACHMENT_OPTIONS } from '../pages/mutual-aid/mutual-aid-attachments.component';
import { ClaimFields } from '../pages/mutual-aid/mutual-aid-claim-fields.component';
import { ClaimConsentField } from '../pages/mutual-aid/mutual-aid-consent.component';
import { CLAIM_FIELD_MAP, claimFacts, claimFormValues, type ClaimFormValues } from '../pages/mutual-aid/mutual-aid-invoice-fields.component';

interface ApplyValues extends ClaimFormValues {
  filerType: 'self' | 'family';
  familyName?: string;
  familyRelation?: (typeof MUTUAL_AID_FAMILY_RELATIONS)[number];
  sensitiveConsent?: boolean;
}

interface Picked {
  key: string;
  type: MutualAidAttachmentType;
  file: File;
}

/**
 * Without files: submitted at once. With files: a draft (or the claim being edited), the files
 * uploaded, then submitted; a failure leaves the draft and says which file.
 */
async function applyWithFiles(body: ApplyMutualAidClaimBody, picked: readonly Picked[], editing?: { id: string; facts: UpdateMutualAidClaimBody }): Promise<{ claim: MutualAidClaim; failed: string[] }> {
  if (picked.length === 0 && !editing) return { claim: await myMutualAidApi.apply(body), failed: [] };
  const draft = editing ? await myMutualAidApi.update(editing.id, editing.facts) : await myMutualAidApi.apply({ ...body, submit: false });
  const failed: string[] = [];
  for (const p of picked) {
    try {
      await myMutualAidApi.attachments.upload(draft.id, p.type, p.file);
    } catch (e) {
      failed.push(`「${p.file.name}」上传失败:${errorMessage(e)}`);
    }
  }
  if (failed.length > 0) return { claim: draft, failed };
  return { claim: await myMutualAidApi.act(draft.id, 'submit'), failed };
}

/** 申请医疗互助 (H5): by the member, or a family member through the member's account (name and relation recorded); submitted at once. With an id: 修改 a returned (or draft) claim and submit it again. */
export function MobileMutualAidApplyPage() {
  const { id } = useParams();
  const [form] = Form.useForm<ApplyValues>();
  const existing = useQuery({ queryKey: mutualAidKeys.myClaim(id ?? ''), queryFn: () => myMutualAidApi.claim(id!), enabled: !!id, staleTime: 0 });
  useEffect(() => {
    if (existing.data) form.setFieldsValue({ ...claimFormValues(existing.data), filerType: existing.data.filerType === 'family' ? 'family' : 'self' });
  }, [existing.data, form]);
  const { message, modal } = App.useApp();
  const [picked, setPicked] = useState<Picked[]>([]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const filerType = Form.useWatch('filerType', form);
  const apply = useMutation({
    mutationFn: (v: ApplyValues) => applyWithFiles({ filerType: v.filerType, familyName: v.familyName?.trim() || undefined, familyRelation: v.familyRelation, sensitiveConsent: true, ...claimFacts(v) }, picked, id ? { id, facts: claimFacts(v) } : undefined),
    onSuccess: ({ claim: c, failed }) => {
      if (failed.length === 0) void message.success('申请已提交,等待工会初审');
      else void modal.warning({ title: '申请已保存为草稿,尚未提交', content: `${failed.join(';')}。请在申请进度页重新上传后提交。` });
      void queryClient.invalidateQueries({ queryKey: ['mutual-aid', 'me'] });
      void navigate(`/m/mutual-aid/${c.id}`, { replace: true });
    },
    onError: (error) => setFailure(applyMappedServerErrors(form, error, CLAIM_FIELD_MAP)),
  });
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        {id ? '修改申请' : '申请医疗互助'}
      </Typography.Title>
      <Card size="small">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          按发票逐张填写个人自付金额,系统按年度方案核算补助(扣除起付线后按比例,受分项和年度累计限额限制)。每张发票只能申请一次;提交后由工会初审、区县(市)总工会复核,批准后打入您登记的银行卡。
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="ma-apply-error" /> : null}
        <Form<ApplyValues> name="mobile-mutual-aid-form" form={form} layout="vertical" initialValues={{ filerType: 'self', invoices: [{}] }} onFinish={(v) => apply.mutate(v)}>
          <Form.Item label="申请人" name="filerType" hidden={!!id}>
            <Radio.Group options={[{ value: 'self', label: '本人申请' }, { value: 'family', label: '家属代办' }]} optionType="button" buttonStyle="solid" />
          </Form.Item>
          {filerType === 'family' && !id ? (
            <>
              <Form.Item label="家属姓名" name="familyName" rules={[{ required: true, whitespace: true, message: '请填写代办家属姓名' }]}>
                <Input maxLength={20} />
              </Form.Item>
              <Form.Item label="与会员关系" name="familyRelation" rules={[{ required: true, message: '请选择与会员关系' }]}>
                <Select options={MUTUAL_AID_FAMILY_RELATIONS.map((r) => ({ value: r, label: r }))} />
              </Form.Item>
            </>
          ) : null}
          <ClaimFields compact />
          <Form.Item label="发票及材料照片(可选)" extra="发票、费用明细清单、出院小结等的照片或扫描件(JPG、PNG、PDF);也可以提交后由工会补充。">
            <Flex vertical gap={8}>
              {picked.map((p) => (
                <Flex key={p.key} gap={6} align="center" data-testid="ma-picked">
                  <Tag style={{ marginInlineEnd: 0 }}>{MUTUAL_AID_ATTACHMENT_LABELS[p.type]}</Tag>
                  <Typography.Text ellipsis style={{ flex: 1 }}>{p.file.name}</Typography.Text>
                  <Button type="text" size="small" icon={<CloseOutlined />} aria-label={`移除${p.file.name}`} onClick={() => setPicked(picked.filter((x) => x.key !== p.key))} />
                </Flex>
              ))}
              <AttachmentUpload compact options={ATTACHMENT_OPTIONS} initialType="invoice" onPick={(type, file) => setPicked([...picked, { key: `${Date.now()}-${picked.length}`, type, file }])} />
            </Flex>
          </Form.Item>
          {id ? null : <ClaimConsentField />}
          <Button type="primary" htmlType="submit" block size="large" loading={apply.isPending} data-testid="ma-submit">
            提交申请
          </Button>
        </Form>
      </Card>
    </>
  );
}
