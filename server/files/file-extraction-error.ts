export type FileExtractionErrorCode =
  'unsupported_type' | 'too_large' | 'too_many_pages' | 'empty' | 'corrupt' | 'encrypted' | 'too_long';

/** A file whose text we cannot use; `message` is written for the employee who attached it. */
export class FileExtractionError extends Error {
  readonly code: FileExtractionErrorCode;

  constructor(code: FileExtractionErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'FileExtractionError';
    this.code = code;
  }
}

export function isFileExtractionError(value: unknown): value is FileExtractionError {
  return value instanceof FileExtractionError;
}
