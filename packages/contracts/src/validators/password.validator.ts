/** Password policy (security.md 1): ≥ 10 chars, 3 of 4 classes, not common, not containing the username. */
import { COMMON_PASSWORDS } from './common-passwords.js';

export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < 10) problems.push('密码至少10位');
  if (password.length > 128) problems.push('密码不能超过128位');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  const lower = password.toLowerCase();
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  if (COMMON_PASSWORDS.has(lower)) problems.push('密码过于常见,请换一个');
  return problems;
}
