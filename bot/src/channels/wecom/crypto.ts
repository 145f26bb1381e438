import { randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';

/**
 * WeCom's message encryption (加解密方案说明), through WeCom's own package `@wecom/crypto`:
 * SHA-1 over the sorted token, timestamp, nonce and ciphertext; AES-256-CBC with the key decoded
 * from the 43-character EncodingAESKey + '=', IV = the key's first 16 bytes, PKCS#7 padding to 32
 * bytes; plaintext = 16 random bytes + 4-byte big-endian length + message + ReceiveId (CorpID).
 *
 * The package's decrypt is lenient (it strips any padding and slices without bounds checks), so a
 * decryption is accepted only when re-encrypting its parts with the same random bytes gives back
 * exactly the ciphertext received: that holds for a well-formed plaintext with canonical padding,
 * and for nothing else.
 */

export class WecomCryptoError extends Error {
  constructor(
    readonly key: 'wecom.undecryptable' | 'wecom.wrongReceiveId' | 'wecom.badSignature',
    message: string,
  ) {
    super(message);
  }
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function signature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return getSignature(token, timestamp, nonce, encrypted);
}

/** Constant-time comparison of the expected signature with the one received. */
export function signatureMatches(token: string, timestamp: string, nonce: string, encrypted: string, received: string): boolean {
  const expected = Buffer.from(signature(token, timestamp, nonce, encrypted), 'utf8');
  const got = Buffer.from(received.toLowerCase(), 'utf8');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

export interface Decrypted {
  message: string;
  receiveId: string;
  /** The 16 random bytes that led the plaintext (reused by tests to re-encrypt exactly). */
  random: Buffer;
}

/** Decrypts without checking the ReceiveId (the check is `decryptFor`). */
export function decryptMessage(aesKey: string, encrypted: string): Decrypted {
  const bytes = BASE64.test(encrypted) ? Buffer.from(encrypted, 'base64') : undefined;
  if (!bytes || bytes.length === 0 || bytes.length % 32 !== 0) {
    throw new WecomCryptoError('wecom.undecryptable', 'ciphertext is not base64 of whole 32-byte blocks');
  }
  let parts: { message: string; id: string; random: Buffer };
  try {
    parts = decrypt(aesKey, encrypted);
  } catch {
    throw new WecomCryptoError('wecom.undecryptable', 'AES decryption failed');
  }
  if (encryptMessage(aesKey, parts.id, parts.message, parts.random) !== encrypted) {
    throw new WecomCryptoError('wecom.undecryptable', 'the plaintext is not well formed (length, padding or encoding)');
  }
  return { message: parts.message, receiveId: parts.id, random: parts.random };
}

/** Decrypts and checks that the message was encrypted for this CorpID. */
export function decryptFor(aesKey: string, corpId: string, encrypted: string): Decrypted {
  const d = decryptMessage(aesKey, encrypted);
  if (d.receiveId !== corpId) throw new WecomCryptoError('wecom.wrongReceiveId', 'the ReceiveId is not this CorpID');
  return d;
}

export function encryptMessage(aesKey: string, receiveId: string, message: string, random: Buffer = randomBytes(16)): string {
  if (random.length !== 16) throw new Error('WeCom encryption needs exactly 16 random bytes');
  return encrypt(aesKey, message, receiveId, random);
}

export interface ReplySecrets {
  token: string;
  aesKey: string;
  corpId: string;
}

/**
 * The encrypted passive reply (the response body of a callback), in the layout of WeCom's sample
 * library (WXBizMsgCrypt.EncryptMsg): Encrypt, MsgSignature, TimeStamp and Nonce.
 */
export function encryptedReplyXml(s: ReplySecrets, plaintext: string, timestamp: string, nonce: string, random?: Buffer): string {
  const encrypted = encryptMessage(s.aesKey, s.corpId, plaintext, random);
  const sig = signature(s.token, timestamp, nonce, encrypted);
  return `<xml>\n<Encrypt><![CDATA[${encrypted}]]></Encrypt>\n<MsgSignature><![CDATA[${sig}]]></MsgSignature>\n<TimeStamp>${timestamp}</TimeStamp>\n<Nonce><![CDATA[${nonce}]]></Nonce>\n</xml>`;
}
