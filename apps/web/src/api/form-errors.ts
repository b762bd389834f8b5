import type { FormInstance, FormRule } from 'antd';
import { ApiError, errorMessage } from './api-error';

type FieldPath = (string | number)[];

function toNamePath(path: string): FieldPath {
  return path
    .split(/[.[\]/]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's `errors[]` (from a problem+json answer) onto the antd form's fields.
 * Only fields named in `fields` receive messages; the rest come back, joined, so the caller can
 * show them elsewhere. A name may be dotted for a nested field (`details.from` is the form field
 * `['details', 'from']`); a server path lands on the longest name it starts with, so
 * `roleCodes.0` lands on the `roleCodes` field and `details.child.name` on `details.child.name`.
 */
export function applyServerErrors(form: FormInstance, error: unknown, fields: readonly string[]): string | null {
  return applyMappedServerErrors(form, error, Object.fromEntries(fields.map((f) => [f, f])));
}

/**
 * The same, when the form's field names differ from the server's (the server speaks `amountFen`,
 * the form asks for 元 in `amountYuan`): `fieldOf` maps a server path (its head, or a dotted
 * prefix like `details.subsidyFen`) to the form field (dotted for a nested one).
 */
export function applyMappedServerErrors(form: FormInstance, error: unknown, fieldOf: Readonly<Record<string, string>>): string | null {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const problem of error.fieldErrors) {
    const parts = toNamePath(problem.path).map(String);
    let field: string | undefined;
    for (let n = parts.length; n > 0 && field === undefined; n--) {
      const prefix = parts.slice(0, n).join('.');
      if (Object.hasOwn(fieldOf, prefix)) field = fieldOf[prefix];
    }
    if (field) byField.set(field, [...(byField.get(field) ?? []), problem.message]);
    else rest.push(problem.message);
  }
  if (byField.size > 0) {
    form.setFields([...byField].map(([name, errors]) => ({ name: name.includes('.') ? toNamePath(name) : name, errors })));
  }
  if (byField.size === 0 && rest.length === 0) return error.message;
  return rest.length > 0 ? rest.join(';') : null;
}

/** Anything with zod's `safeParse` (the contracts' schemas), without depending on zod here. */
export interface SafeParser {
  safeParse: (value: unknown) => { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
}

/** An antd rule that checks a value with a contracts schema, so client and server give the same message. */
export function schemaRule(schema: SafeParser): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}
