import { AppError } from '../../core';
import { DEFAULT_LIMITS, extractText } from './extract-text';
import { isFileExtractionError } from './file-extraction-error';
import { formatSize } from './format-figures';
import { previewOf } from './summarise-extract';

export type AttachmentRef = { name: string; downloadUrl: string; contentType: string | null };

const DOWNLOAD_TIMEOUT_MS = 30_000;

/**
 * Downloads a file the employee attached in Teams (its pre-authorised download URL) and returns its text and a
 * short preview. Anything wrong with the file becomes AppError('invalid_input') with a message for the employee.
 */
export async function readAttachment(
  file: AttachmentRef,
  fetchImpl: typeof fetch = fetch,
): Promise<{ text: string; preview: string }> {
  let response: Response;
  try {
    response = await fetchImpl(file.downloadUrl, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `I could not download ${file.name} from Teams. Please attach it again, or paste the text.`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new AppError(
      'invalid_input',
      `Teams would not give me ${file.name} (HTTP ${response.status}). Please attach it again, or paste the text.`,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > DEFAULT_LIMITS.maxBytes) {
    await response.body?.cancel();
    throw new AppError(
      'invalid_input',
      `${file.name} is ${formatSize(declared)}; the limit is ${formatSize(DEFAULT_LIMITS.maxBytes)}.`,
    );
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    const extracted = await extractText({
      name: file.name,
      contentType: file.contentType ?? response.headers.get('content-type'),
      bytes,
    });
    return { text: extracted.text, preview: previewOf(extracted) };
  } catch (error) {
    if (isFileExtractionError(error)) throw new AppError('invalid_input', error.message, { cause: error });
    throw error;
  }
}
