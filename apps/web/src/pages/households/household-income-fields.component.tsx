import { useState } from 'react';
import { Button, Col, Form, Input, Row, Space, Typography } from 'antd';
import { YuanInput } from '../../components/yuan-input.component';
import { formatYuan, yuanToFen } from '../../components/money';
import type { IncomeValues } from './household-form-values';

/**
 * 近12个月家庭净收入: one amount per month (wages, pensions, allowances of everyone in the household,
 * after 个税 and social insurance). "每月相同" fills every month at once.
 */
export function HouseholdIncomeFields() {
  const form = Form.useFormInstance();
  const income = Form.useWatch<IncomeValues[] | undefined>('monthlyIncome', form) ?? [];
  const [same, setSame] = useState<number | null>(null);
  const totalFen = income.reduce((sum, m) => sum + (typeof m?.amountYuan === 'number' ? yuanToFen(m.amountYuan) : 0), 0);
  const filled = income.filter((m) => typeof m?.amountYuan === 'number').length;

  const fillAll = () => {
    if (same === null) return;
    const current = (form.getFieldValue('monthlyIncome') as IncomeValues[] | undefined) ?? [];
    form.setFieldValue(
      'monthlyIncome',
      current.map((m) => ({ ...m, amountYuan: same })),
    );
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">每月相同:</Typography.Text>
        <YuanInput min={0} value={same} onChange={(v) => setSame(typeof v === 'number' ? v : null)} style={{ width: 160 }} aria-label="每月相同的家庭收入" />
        <Button onClick={fillAll} disabled={same === null}>
          填入全部月份
        </Button>
        <Typography.Text type="secondary" data-testid="income-total">
          已填 {filled}/12 个月,合计 {formatYuan(totalFen)}
        </Typography.Text>
      </Space>
      <Form.List name="monthlyIncome">
        {(rows) => (
          <Row gutter={8}>
            {rows.map((row) => (
              <Col key={row.key} xs={12} sm={8} md={6} lg={4}>
                <Form.Item name={[row.name, 'month']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  label={income[row.name]?.month ?? ''}
                  name={[row.name, 'amountYuan']}
                  rules={[{ required: true, message: '请填写该月收入(无收入填0)' }]}
                  style={{ marginBottom: 8 }}
                >
                  <YuanInput min={0} aria-label={`${income[row.name]?.month ?? ''} 家庭净收入`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        )}
      </Form.List>
    </>
  );
}
