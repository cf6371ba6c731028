import { FileExtractionError } from './file-extraction-error';

/** Office wraps encrypted documents (a password or a sensitivity label) in an OLE compound file. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

function isOleCompoundFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** The raw text of a Word document, one paragraph per line block. */
export async function extractDocx(name: string, bytes: Uint8Array): Promise<string> {
  if (isOleCompoundFile(bytes)) {
    throw new FileExtractionError(
      'encrypted',
      `${name} is protected (by a password or a sensitivity label), or saved in the old .doc format, so its text cannot be read. Remove the protection or save it as .docx, or paste the text instead.`,
    );
  }
  // mammoth is loaded with the first Word document, not at start-up (few turns carry one).
  const { default: mammoth } = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    return result.value;
  } catch (cause) {
    throw new FileExtractionError(
      'corrupt',
      `${name} could not be read as a Word document; it may be damaged. Open it in Word and save it again, or paste the text instead.`,
      { cause },
    );
  }
}
