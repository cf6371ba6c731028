import { FileExtractionError } from './file-extraction-error';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/**
 * The text of a plain-text file. UTF-8 (a byte-order mark is dropped); UTF-16 when it starts with its
 * byte-order mark (Notepad's and Excel's "Unicode" exports); bytes that are not UTF-8 are read as
 * Windows-1252, the encoding of Western-locale Excel CSVs. NUL bytes mean a binary file: corrupt.
 */
export function decodeText(name: string, bytes: Uint8Array): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return new TextDecoder(utf16, { ignoreBOM: false }).decode(bytes);
  if (bytes.includes(0)) {
    throw new FileExtractionError(
      'corrupt',
      `${name} does not look like a text file (it contains binary data). Check it is the right file, or paste the text instead.`,
    );
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}
