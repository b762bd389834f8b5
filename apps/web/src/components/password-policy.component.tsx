import { Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, InfoCircleOutlined } from '@ant-design/icons';
import type { FormRule } from 'antd';
import { passwordProblems } from '@gonghui/contracts';

/** Counts the character classes (lower, upper, digit, symbol) a password uses. */
function classCount(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
}

interface PolicyLine {
  text: string;
  ok: boolean | null;
}

function policyLines(password: string, username: string): PolicyLine[] {
  const typed = password.length > 0;
  const problems = typed ? passwordProblems(password, username) : [];
  const check = (ok: boolean): boolean | null => (typed ? ok : null);
  return [
    { text: '长度至少10位', ok: check(password.length >= 10) },
    { text: '大写字母、小写字母、数字、符号至少包含三类', ok: check(classCount(password) >= 3) },
    { text: '不含用户名', ok: check(!problems.some((p) => p.includes('用户名'))) },
    { text: '不能是常见密码', ok: check(!problems.some((p) => p.includes('常见'))) },
  ];
}

/** The password policy (security.md 1), ticked off as the user types. */
export function PasswordPolicy({ password = '', username = '' }: { password?: string; username?: string }) {
  return (
    <div style={{ background: '#fafafa', borderRadius: 6, padding: '8px 12px', marginBottom: 16 }} data-testid="password-policy">
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        密码要求:
      </Typography.Text>
      {policyLines(password, username).map((line) => (
        <div key={line.text} style={{ fontSize: 13 }}>
          {line.ok === null ? (
            <InfoCircleOutlined style={{ color: '#999' }} />
          ) : line.ok ? (
            <CheckCircleFilled style={{ color: '#52c41a' }} />
          ) : (
            <CloseCircleFilled style={{ color: '#ff4d4f' }} />
          )}{' '}
          {line.text}
        </div>
      ))}
    </div>
  );
}

/** antd rule applying the contracts' password policy (same messages as the server). */
export function passwordPolicyRule(username: () => string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const problems = passwordProblems(value, username());
      if (problems.length > 0) throw new Error(problems.join(';'));
    },
  };
}

/** antd rule: the confirmation must equal the field `field`. */
export function sameAsRule(getValue: () => unknown): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value && value !== getValue()) throw new Error('两次输入的密码不一致');
    },
  };
}
