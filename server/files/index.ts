export { extractText, DEFAULT_LIMITS } from './extract-text';
export { previewOf } from './summarise-extract';
export {
  FileExtractionError,
  isFileExtractionError,
  type FileExtractionErrorCode,
} from './file-extraction-error';
export type { AttachedFile, ExtractedText, ExtractionLimits, FileKind } from './extracted-text';
export { readAttachment, type AttachmentRef } from './read-attachment';
