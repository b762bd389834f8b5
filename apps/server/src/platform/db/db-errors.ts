/**
 * Whether an error (from either driver, possibly wrapped by Drizzle in `cause`) is a unique
 * violation; with a constraint name, only a violation of that constraint.
 */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint?: string; message?: string; cause?: { code?: string; constraint?: string; message?: string } };
  const c = err.cause ?? err;
  if (c.code !== '23505') return false;
  return !constraint || c.constraint === constraint || String(c.message ?? '').includes(constraint);
}
