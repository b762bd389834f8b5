import { Checkbox, Collapse, Form, Typography } from 'antd';

export interface ConsentFieldProps {
  /** the consent document's title, e.g. 《个人敏感信息使用授权》 */
  document: string;
  /** its full text, shown folded above the checkbox (the applicant's own form); staff forms leave it out */
  text?: string;
  /** the checkbox label */
  label: string;
  /** the message when it is not ticked */
  message: string;
  extra?: string;
  testId?: string;
}

/**
 * A separate consent to the use of sensitive personal data (security.md 16), bound to the form field
 * `sensitiveConsent`: it must be ticked. The server records the consent's version and time.
 */
export function ConsentField({ document, text, label, message, extra, testId }: ConsentFieldProps) {
  return (
    <>
      {text ? (
        <Collapse
          size="small"
          style={{ marginBottom: 12 }}
          items={[{ key: 'consent', label: `${document}全文`, children: <Typography.Paragraph style={{ fontSize: 13, margin: 0 }}>{text}</Typography.Paragraph> }]}
        />
      ) : null}
      <Form.Item
        name="sensitiveConsent"
        valuePropName="checked"
        extra={extra}
        rules={[
          {
            validator: async (_r: unknown, v: unknown) => {
              if (v !== true) throw new Error(message);
            },
          },
        ]}
      >
        <Checkbox data-testid={testId}>{label}</Checkbox>
      </Form.Item>
    </>
  );
}
