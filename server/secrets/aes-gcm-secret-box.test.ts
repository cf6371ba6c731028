import { randomBytes } from 'node:crypto';
import { aesGcmSecretBox } from './aes-gcm-secret-box';

describe('aesGcmSecretBox', () => {
  const box = aesGcmSecretBox(randomBytes(32));

  it('opens what it sealed, and never stores the secret in clear or the same way twice', () => {
    const sealed = box.seal('lrs-password-123', 'lrs-target:t1:lms');
    expect(sealed).not.toContain('lrs-password-123');
    expect(box.seal('lrs-password-123', 'lrs-target:t1:lms')).not.toBe(sealed);
    expect(box.open(sealed, 'lrs-target:t1:lms')).toBe('lrs-password-123');
  });

  it('refuses a value moved to another row, altered, or sealed under another key', () => {
    const sealed = box.seal('lrs-password-123', 'lrs-target:t1:lms');
    expect(() => box.open(sealed, 'lrs-target:t2:lms')).toThrow();
    const [version, nonce, tag, ciphertext] = sealed.split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() =>
      box.open([version, nonce, tag, flipped.toString('base64url')].join('.'), 'lrs-target:t1:lms'),
    ).toThrow();
    expect(() => aesGcmSecretBox(randomBytes(32)).open(sealed, 'lrs-target:t1:lms')).toThrow();
    expect(() => box.open('plain-text', 'lrs-target:t1:lms')).toThrow(/sealed secret/);
  });
});
