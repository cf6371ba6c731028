import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../core';

const VERSION = 'v1';

/**
 * AES-256-GCM: a fresh 96-bit nonce per value, the 128-bit tag checked on opening, and `context` (where the
 * value is stored) as additional authenticated data. Stored as `v1.<nonce>.<tag>.<ciphertext>` (base64url).
 */
export function aesGcmSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  return {
    seal(plaintext, context) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [nonce, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'));
      return [VERSION, ...parts].join('.');
    },
    open(sealed, context) {
      const [version, nonce, tag, ciphertext, ...rest] = sealed.split('.');
      if (version !== VERSION || !nonce || !tag || ciphertext === undefined || rest.length > 0)
        throw new Error('Not a sealed secret this version of Practica can open');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
