import type { Problem } from '@gonghui/contracts';

export interface FieldProblem {
  path: string;
  message: string;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  0: '网络连接失败,请检查网络后重试',
  400: '提交的内容有误,请检查后重试',
  401: '登录已过期,请重新登录',
  403: '没有权限执行此操作',
  404: '记录不存在或无权查看',
  409: '数据已被他人修改或状态不允许此操作,请刷新后重试',
  413: '提交的内容过大',
  422: '提交的内容有误,请检查后重试',
  423: '账号已锁定,请30分钟后再试',
  429: '尝试过于频繁,请稍后再试',
  500: '服务器内部错误,请稍后重试',
  502: '服务暂时不可用,请稍后重试',
  503: '服务暂时不可用,请稍后重试',
};

export function defaultMessageFor(status: number): string {
  return DEFAULT_MESSAGES[status] ?? `请求失败(${status})`;
}

/** An RFC 9457 problem+json answer (or a network failure, status 0) as a throwable error. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || defaultMessageFor(problem.status));
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem.errors ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: FieldProblem[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.message === 'string') {
      out.push({ path: typeof item.path === 'string' ? item.path : '', message: item.message });
    }
  }
  return out;
}

/** Reads whatever the server sent into a Problem, falling back to Chinese defaults. */
export function toProblem(status: number, body: unknown): Problem {
  const fallback = defaultMessageFor(status);
  if (!isRecord(body)) {
    return { type: 'about:blank', title: fallback, status, detail: fallback };
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    type: str(body.type) ?? 'about:blank',
    title: str(body.title) ?? fallback,
    status,
    detail: str(body.detail) ?? str(body.message) ?? fallback,
    code: str(body.code),
    errors: parseFieldErrors(body.errors),
  };
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败,请稍后重试';
}
