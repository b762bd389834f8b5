import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Skeleton, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgTreeNode, SubsistenceSettings } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { householdApi, householdKeys } from '../../api/household.api';
import { hasPermission } from '../../app/access';
import { formatTime } from '../../app/time';
import { useSession } from '../../app/use-session.hook';
import { fenToYuanNumber, formatYuan, yuanToFen } from '../../components/money';
import { PageTitle } from '../../components/page-title.component';
import { useOrgTree } from '../../components/use-org-tree.hook';
import { YuanInput } from '../../components/yuan-input.component';
import { applyHouseholdErrors } from './household-form-values';
import { TIER_RULES_HELP } from './household-labels';

interface LineValues {
  divisionCode?: string;
  year?: number;
  monthlyYuan?: number;
  note?: string;
}
interface SettingsValues {
  lines: LineValues[];
  relativeMultiple: number;
  accidentMultiple: number;
  carValueLimitYuan: number;
  commercialHomesLimit: number;
  reviewIntervalMonths: number;
  reason?: string;
}

const valuesOf = (s: SubsistenceSettings): SettingsValues => ({
  lines: s.lines.map((l) => ({ divisionCode: l.divisionCode, year: l.year, monthlyYuan: fenToYuanNumber(l.monthlyFen), note: l.note ?? undefined })),
  relativeMultiple: s.rules.relativeMultiplePermille / 1000,
  accidentMultiple: s.rules.accidentMultiplePermille / 1000,
  carValueLimitYuan: fenToYuanNumber(s.rules.carValueLimitFen),
  commercialHomesLimit: s.rules.commercialHomesLimit,
  reviewIntervalMonths: s.rules.reviewIntervalMonths,
});

/** The city and its districts, as division-code options. */
function useDivisionOptions() {
  const tree = useOrgTree();
  return useMemo(() => {
    const out: { value: string; label: string }[] = [];
    const walk = (nodes: readonly OrgTreeNode[]) => {
      for (const n of nodes) {
        if ((n.kind === 'city' || n.kind === 'district') && n.divisionCode) out.push({ value: n.divisionCode, label: n.kind === 'city' ? `${n.name}(全市默认)` : n.name });
        if (n.kind === 'city') walk(n.children);
      }
    };
    walk(tree.data ?? []);
    return out;
  }, [tree.data]);
}

/** 低保标准 per district and year, and the tier rules: city staff edit them; others read them. */
export function SubsistenceLinesPage() {
  const { user } = useSession();
  const canEdit = hasPermission(user, 'aid:settings:configure');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SettingsValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const settings = useQuery({ queryKey: householdKeys.lines, queryFn: householdApi.subsistenceSettings });
  const divisions = useDivisionOptions();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(valuesOf(settings.data));
  }, [settings.data, form]);

  const save = useMutation({
    mutationFn: (v: SettingsValues) =>
      householdApi.updateSubsistenceSettings({
        lines: (v.lines ?? []).map((l) => ({ divisionCode: l.divisionCode ?? '', year: l.year ?? 0, monthlyFen: yuanToFen(l.monthlyYuan ?? 0), note: l.note?.trim() || undefined })),
        rules: {
          relativeMultiplePermille: Math.round(v.relativeMultiple * 1000),
          accidentMultiplePermille: Math.round(v.accidentMultiple * 1000),
          carValueLimitFen: yuanToFen(v.carValueLimitYuan),
          commercialHomesLimit: v.commercialHomesLimit,
          reviewIntervalMonths: v.reviewIntervalMonths,
        },
        reason: v.reason?.trim() || undefined,
      }),
    onSuccess: (s) => {
      setFailure(null);
      queryClient.setQueryData(householdKeys.lines, s);
      void queryClient.invalidateQueries({ queryKey: householdKeys.all });
      void message.success('低保标准与认定规则已保存,下次建档、修改或复核时生效');
    },
    onError: (error) => setFailure(applyHouseholdErrors(form, error, ['lines', 'reason'])),
  });

  const submit = (v: SettingsValues) =>
    modal.confirm({
      title: '确认保存低保标准与认定规则?',
      content: '已建档家庭保留原认定结果,新的标准在下次建档、修改或年度复核时生效。此操作将记入审计日志。',
      okText: '确认保存',
      cancelText: '取消',
      onOk: () => save.mutateAsync(v).catch(() => undefined),
    });

  const data = settings.data;
  return (
    <>
      <PageTitle title="低保标准" />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={TIER_RULES_HELP} description={data ? `未设置时使用系统默认值:${data.defaultLine.note} ${formatYuan(data.defaultLine.monthlyFen)}/人·月。区县(市)单列标准的,优先使用本区县不晚于当年的最新标准;否则使用全市标准。` : undefined} />
      {settings.isError ? <Alert type="error" showIcon title={errorMessage(settings.error)} /> : null}
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}
      {!data ? <Skeleton active /> : null}
      {data && !canEdit ? (
        <>
          <Table
            rowKey={(l) => `${l.divisionCode}/${l.year}`}
            size="middle"
            pagination={false}
            dataSource={data.lines}
            locale={{ emptyText: '尚未设置,使用系统默认值' }}
            columns={[
              { title: '地区', dataIndex: 'divisionName', render: (v: string | null, l) => v ?? l.divisionCode },
              { title: '年度', dataIndex: 'year' },
              { title: '低保标准(元/人·月)', dataIndex: 'monthlyFen', align: 'right', render: (v: number) => formatYuan(v, '') },
              { title: '说明', dataIndex: 'note' },
              { title: '更新时间', dataIndex: 'updatedAt', render: (v: string | null) => formatTime(v) },
            ]}
          />
          <Descriptions
            style={{ marginTop: 16 }}
            bordered
            size="small"
            title="认定规则"
            items={[
              { key: 'r', label: '相对困难上限', children: `低保标准的 ${data.rules.relativeMultiplePermille / 1000} 倍` },
              { key: 'a', label: '意外致困上限', children: `低保标准的 ${data.rules.accidentMultiplePermille / 1000} 倍` },
              { key: 'c', label: '深度困难排除:机动车价值', children: `${formatYuan(data.rules.carValueLimitFen)} 及以上` },
              { key: 'h', label: '深度困难排除:商品房', children: `${data.rules.commercialHomesLimit} 套及以上` },
              { key: 'i', label: '复核周期', children: `${data.rules.reviewIntervalMonths} 个月` },
            ]}
          />
        </>
      ) : null}
      <Form<SettingsValues> name="subsistence-lines-form" form={form} layout="vertical" onFinish={submit} hidden={!data || !canEdit}>
        <Card size="small" title="低保标准(按地区、年度)" style={{ marginBottom: 16 }}>
          <Form.List name="lines">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row) => (
                  <Row key={row.key} gutter={8}>
                    <Col xs={24} md={7}>
                      <Form.Item name={[row.name, 'divisionCode']} rules={[{ required: true, message: '请选择地区' }]}>
                        <Select options={divisions} placeholder="地区" aria-label="地区" />
                      </Form.Item>
                    </Col>
                    <Col xs={8} md={3}>
                      <Form.Item name={[row.name, 'year']} rules={[{ required: true, message: '请填写年度' }]}>
                        <InputNumber min={2000} max={2100} precision={0} placeholder="年度" style={{ width: '100%' }} aria-label="年度" />
                      </Form.Item>
                    </Col>
                    <Col xs={16} md={5}>
                      <Form.Item name={[row.name, 'monthlyYuan']} rules={[{ required: true, message: '请填写低保标准' }]}>
                        <YuanInput placeholder="元/人·月" aria-label="低保标准" />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={8}>
                      <Form.Item name={[row.name, 'note']}>
                        <Input maxLength={200} placeholder="说明(如文件依据)" aria-label="说明" />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={1}>
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除该标准" onClick={() => remove(row.name)} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: new Date().getFullYear() })}>
                  添加标准
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" title="认定规则" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={12} md={4}>
              <Form.Item label="相对困难上限(倍)" name="relativeMultiple" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={1.01} max={5} step={0.1} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label="意外致困上限(倍)" name="accidentMultiple" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={1.01} max={5} step={0.1} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="机动车价值上限" name="carValueLimitYuan" rules={[{ required: true, message: '请填写' }]} extra="达到即不能认定为深度困难">
                <YuanInput />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item label="商品房套数上限" name="commercialHomesLimit" rules={[{ required: true, message: '请填写' }]} extra="达到即不能认定为深度困难">
                <InputNumber min={1} max={20} precision={0} suffix="套" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item label="复核周期" name="reviewIntervalMonths" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={1} max={36} precision={0} suffix="个月" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="调整原因" name="reason">
            <Input.TextArea rows={2} maxLength={200} showCount placeholder="选填,如:依据市民政局2025年低保标准调整通知" />
          </Form.Item>
        </Card>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </>
  );
}
