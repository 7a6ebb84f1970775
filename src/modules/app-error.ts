/** An error a service raises for the user: HTTP status, a stable code for programs, a Chinese message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what}不存在`);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'FORBIDDEN', message);
export const outOfScope = () => new AppError(403, 'OUT_OF_SCOPE', '该数据不在您的管辖区域范围内');
export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
