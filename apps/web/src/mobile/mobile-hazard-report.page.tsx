import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { AimOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { HAZARD_PHOTO_MAX_FILES, type Hazard } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { applyServerErrors } from '../api/form-errors';
import { hazardKeys, myHazardApi, type CreateHazardBody } from '../api/hazard.api';
import { HazardPhotos } from '../pages/hazards/hazard-photos.component';

interface ReportValues {
  description: string;
  address: string;
  enterpriseName: string;
  enterpriseId?: string;
  districtOrgId?: string;
  latitude?: number;
  longitude?: number;
}

const FIELDS = ['description', 'address', 'enterpriseName', 'enterpriseId', 'districtOrgId', 'latitude', 'longitude'];

/** Creates the draft, uploads the photos, submits; a failed photo leaves the draft (the detail page finishes it). */
async function report(body: CreateHazardBody, photos: readonly File[]): Promise<{ hazard: Hazard; failed: string[] }> {
  const draft = await myHazardApi.create(body);
  const failed: string[] = [];
  for (const f of photos) {
    try {
      await myHazardApi.photos.upload(draft.id, 'scene', f);
    } catch (e) {
      failed.push(`「${f.name}」上传失败:${errorMessage(e)}`);
    }
  }
  if (failed.length > 0 || photos.length === 0) return { hazard: draft, failed };
  return { hazard: await myHazardApi.submit(draft.id), failed };
}

/** 我要随手拍 (H5): what and where (address, and the phone's position if allowed), which enterprise, 1-9 photos; sent to the union responsible. */
export function MobileHazardReportPage() {
  const [form] = Form.useForm<ReportValues>();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [photos, setPhotos] = useState<File[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [locating, setLocating] = useState(false);
  const options = useQuery({ queryKey: hazardKeys.options, queryFn: myHazardApi.options, staleTime: 10 * 60_000 });
  const found = useQuery({ queryKey: hazardKeys.enterprises(search), queryFn: () => myHazardApi.enterprises(search), enabled: search.trim().length >= 2, staleTime: 60_000 });
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const lat = Form.useWatch('latitude', form);
  const lng = Form.useWatch('longitude', form);
  const send = useMutation({
    mutationFn: (v: ReportValues) => {
      if (photos.length === 0) throw new Error('请至少拍摄或选择1张隐患照片');
      const body: CreateHazardBody = { description: v.description, address: v.address, latitude: v.latitude, longitude: v.longitude, enterpriseId: v.enterpriseId, enterpriseName: v.enterpriseId ? undefined : v.enterpriseName, districtOrgId: v.enterpriseId ? undefined : v.districtOrgId };
      return report(body, photos);
    },
    onSuccess: ({ hazard, failed }) => {
      if (failed.length === 0) void message.success('已提交,工会将尽快核实处理');
      else void modal.warning({ title: '报告已保存,尚未提交', content: `${failed.join(';')}。请在报告页重新添加照片后提交。` });
      void queryClient.invalidateQueries({ queryKey: hazardKeys.mine });
      void navigate(`/m/hazards/${hazard.id}`, { replace: true });
    },
    onError: (e) => setFailure(applyServerErrors(form, e, FIELDS)),
  });
  const locate = () => {
    if (!('geolocation' in navigator)) {
      void message.warning('该设备不支持定位,请填写详细地址');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        form.setFieldsValue({ latitude: Number(p.coords.latitude.toFixed(6)), longitude: Number(p.coords.longitude.toFixed(6)) });
        setLocating(false);
      },
      () => {
        void message.warning('未能获取位置(可能未授权定位),请填写详细地址');
        setLocating(false);
      },
      { timeout: 10_000 },
    );
  };
  // the option's value is the name (what the field shows); its id is kept aside
  const enterpriseOptions = (found.data ?? []).map((e) => ({ key: e.id, value: e.name, id: e.id, label: `${e.name}${e.districtName ? `(${e.districtName})` : ''}` }));
  return (
    <>
      <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
        我要随手拍
      </Typography.Title>
      <Card size="small">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          拍下身边的安全隐患(消防通道堵塞、电线裸露、防护缺失、危化品存放不当等),写明地点和企业。报告交企业所在基层工会核实,企业未建会的交所在区县(市)总工会;整改验收后您将获得积分。
        </Typography.Paragraph>
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="hazard-report-error" /> : null}
        <Form<ReportValues> form={form} layout="vertical" name="mobile-hazard-form" onFinish={(v) => send.mutate(v)}>
          <Form.Item label="隐患照片" required extra={`1-${HAZARD_PHOTO_MAX_FILES} 张,拍照或从相册选择`}>
            <Flex vertical gap={6}>
              {photos.map((f, i) => (
                <Flex key={`${f.name}-${i}`} gap={6} align="center" data-testid="hazard-picked">
                  <Typography.Text ellipsis style={{ flex: 1 }}>{f.name}</Typography.Text>
                  <Button type="text" size="small" icon={<CloseOutlined />} aria-label={`移除${f.name}`} onClick={() => setPhotos(photos.filter((_, j) => j !== i))} />
                </Flex>
              ))}
              {photos.length < HAZARD_PHOTO_MAX_FILES ? <HazardPhotos items={[]} href={() => ''} onPick={(f) => setPhotos((p) => (p.length < HAZARD_PHOTO_MAX_FILES ? [...p, f] : p))} size={72} testId="hazard-new-photos" /> : null}
            </Flex>
          </Form.Item>
          <Form.Item label="隐患描述" name="description" rules={[{ required: true, whitespace: true, message: '请描述隐患情况' }, { min: 5, message: '隐患描述至少5个字' }]}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder="例如:三楼消防通道堆满纸箱,安全出口被堵" />
          </Form.Item>
          <Form.Item label="隐患地点" name="address" rules={[{ required: true, whitespace: true, message: '请填写隐患地点' }]}>
            <Input maxLength={120} placeholder="区、街道、门牌号、楼层或车间" />
          </Form.Item>
          <Form.Item name="latitude" hidden><Input /></Form.Item>
          <Form.Item name="longitude" hidden><Input /></Form.Item>
          <Flex align="center" gap={8} style={{ marginTop: -12, marginBottom: 12 }}>
            <Button size="small" icon={<AimOutlined />} loading={locating} onClick={locate} data-testid="hazard-locate">使用当前位置</Button>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="hazard-position">
              {lat !== undefined && lng !== undefined ? `已定位:${lat}, ${lng}` : '可选,便于工会找到现场'}
            </Typography.Text>
          </Flex>
          <Form.Item name="enterpriseId" hidden><Input /></Form.Item>
          <Form.Item label="所在企业(单位)" name="enterpriseName" extra={enterpriseId ? '已从企业名录选定' : '输入名称或统一社会信用代码查找;找不到可直接填写'} rules={[{ required: true, whitespace: true, message: '请选择或填写隐患所在企业(单位)' }]}>
            <AutoComplete
              options={enterpriseOptions}
              onSearch={(v) => { setSearch(v); form.setFieldValue('enterpriseId', undefined); }}
              onSelect={(_name: string, o: { id: string }) => form.setFieldValue('enterpriseId', o.id)}
              placeholder="企业名称或信用代码"
              data-testid="hazard-enterprise"
            />
          </Form.Item>
          {!enterpriseId ? (
            <Form.Item label="所在区县(市)" name="districtOrgId" rules={[{ required: true, message: '企业不在名录中时,请选择所在区县(市)' }]}>
              <Select options={(options.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))} placeholder="选择区县(市)" data-testid="hazard-district" />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block size="large" loading={send.isPending} data-testid="hazard-submit">
            提交
          </Button>
        </Form>
      </Card>
    </>
  );
}
