/** An error that becomes an application/problem+json answer with a Chinese title and detail. */
export interface FieldError {
  path: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: '请求格式错误',
  401: '未登录或登录已过期',
  403: '没有权限',
  404: '未找到',
  409: '操作冲突',
  413: '请求内容过大',
  415: '不支持的内容类型',
  422: '输入有误',
  423: '账号已锁定',
  429: '请求过于频繁',
  500: '服务器内部错误',
};

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly code?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }
  get title(): string {
    return TITLES[this.status] ?? '错误';
  }
}

export const titleFor = (status: number): string => TITLES[status] ?? '错误';

export const invalid = (errors: FieldError[], detail?: string): AppError =>
  new AppError(422, detail ?? errors.map((e) => `${e.path}: ${e.message}`).join(';'), 'VALIDATION', errors);
export const invalidField = (path: string, message: string): AppError => invalid([{ path, message }]);
export const notFound = (what = '记录'): AppError => new AppError(404, `${what}不存在或不在您的数据范围内`, 'NOT_FOUND');
export const forbidden = (detail = '您没有执行此操作的权限', code = 'FORBIDDEN'): AppError => new AppError(403, detail, code);
export const conflict = (detail: string, code = 'CONFLICT'): AppError => new AppError(409, detail, code);
/** 409 that names the field, so the form shows it there (a duplicate username, code …). */
export const conflictField = (path: string, detail: string, code = 'DUPLICATE'): AppError => new AppError(409, detail, code, [{ path, message: detail }]);
export const unauthorized = (detail = '请先登录', code = 'UNAUTHENTICATED'): AppError => new AppError(401, detail, code);
