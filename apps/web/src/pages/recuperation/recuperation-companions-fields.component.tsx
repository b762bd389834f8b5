import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { formatYuan } from '../../components/money';
import { RELATION_OPTIONS } from './recuperation-labels';

const MAX_COMPANIONS = 4;

interface CompanionsFieldsProps {
  /** the batch's cost per person (days × allowance, 分): what each companion pays */
  costPerPerson: number;
  /** the form list's name; `companions` unless told */
  name?: string;
}

/** 随行家属 (at most 4): name and relation; each pays the batch's cost per person themselves. */
export function RecuperationCompanionsFields({ costPerPerson, name = 'companions' }: CompanionsFieldsProps) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Flex key={field.key} gap={8} align="start" wrap data-testid="companion-row">
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: '请填写家属姓名' }]}
                style={{ flex: '1 1 120px', marginBottom: 8 }}
              >
                <Input maxLength={20} placeholder={`家属${i + 1}姓名`} aria-label={`家属${i + 1}姓名`} />
              </Form.Item>
              <Form.Item name={[field.name, 'relation']} rules={[{ required: true, message: '请选择关系' }]} style={{ flex: '1 1 100px', marginBottom: 8 }}>
                <Select options={RELATION_OPTIONS} placeholder="关系" aria-label={`家属${i + 1}关系`} />
              </Form.Item>
              <Typography.Text type="secondary" style={{ lineHeight: '32px', whiteSpace: 'nowrap' }}>
                自费 {formatYuan(costPerPerson)}
              </Typography.Text>
              <Button type="text" icon={<MinusCircleOutlined />} aria-label="删除家属" onClick={() => remove(field.name)} />
            </Flex>
          ))}
          {fields.length < MAX_COMPANIONS ? (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} data-testid="companion-add">
              添加随行家属
            </Button>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
            随行家属最多{MAX_COMPANIONS}人,费用自理,每人 {formatYuan(costPerPerson)};不占用职工名额,不计入职工本人的年度费用。
          </Typography.Paragraph>
        </>
      )}
    </Form.List>
  );
}
