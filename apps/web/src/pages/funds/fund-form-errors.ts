import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '../../api/api-client';

/**
 * Puts the server's field errors on the form's fields when the names differ (the server speaks
 * `amountFen`, the form asks for 元 in `amountYuan`); what maps to no field comes back joined.
 */
export function applyMappedErrors(form: FormInstance, error: unknown, fieldOf: Record<string, string>): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const problem of error.fieldErrors) {
    const field = fieldOf[problem.path.split(/[.[\]/]+/)[0] ?? ''];
    if (field) byField.set(field, [...(byField.get(field) ?? []), problem.message]);
    else rest.push(problem.message);
  }
  if (byField.size > 0) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size === 0 && rest.length === 0) return error.message;
  return rest.length > 0 ? rest.join(';') : null;
}
