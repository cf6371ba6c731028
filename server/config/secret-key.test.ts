import { parseSecretKey } from './secret-key';

const fail = (message: string) => new Error(message);

describe('parseSecretKey', () => {
  it('reads 32 bytes given as hex or base64', () => {
    const hex = 'ab'.repeat(32);
    expect(parseSecretKey({ PRACTICA_SECRET_KEY: hex }, false, fail)).toEqual({
      key: Buffer.from(hex, 'hex'),
      source: 'environment',
    });
    const base64 = Buffer.alloc(32, 7).toString('base64');
    expect(parseSecretKey({ PRACTICA_SECRET_KEY: base64 }, false, fail)?.key).toEqual(Buffer.alloc(32, 7));
  });

  it('uses a fixed development key only in development mode; otherwise there is no key', () => {
    expect(parseSecretKey({}, true, fail)?.source).toBe('development');
    expect(parseSecretKey({}, false, fail)).toBeNull();
  });

  it('refuses a key of the wrong length or form, without echoing it', () => {
    for (const value of ['short', Buffer.alloc(16).toString('base64'), 'zz'.repeat(32)]) {
      expect(() => parseSecretKey({ PRACTICA_SECRET_KEY: value }, false, fail)).toThrow(
        /^Invalid PRACTICA_SECRET_KEY: must be 32 random bytes/,
      );
    }
  });
});
