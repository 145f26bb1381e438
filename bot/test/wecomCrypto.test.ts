import { describe, expect, it } from 'vitest';
import { decryptFor, decryptMessage, encryptedReplyXml, encryptMessage, signature, signatureMatches, WecomCryptoError } from '../src/channels/wecom/crypto.js';
import { parseWecomXml } from '../src/channels/wecom/xml.js';

/**
 * WeCom's published sample vectors (github.com/sbzhu/weworkapi_python: callback/Sample.py and
 * callback_json/Sample.py — the same Token, EncodingAESKey and CorpID): the signatures verify, the
 * ciphertexts decrypt to the samples' plaintexts, and encrypting those plaintexts with the same 16
 * random bytes gives back the samples' ciphertexts byte for byte. The encrypted passive reply is
 * compared with bot/test/reference/wecom_crypto.py (WeCom's Python sample library ported to the
 * `cryptography` package, random bytes fixed to "kekao-wecom-test").
 */

const TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
const AES_KEY = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const CORP_ID = 'ww1436e0e65a779aee';

const VECTORS = {
  // callback/Sample.py and callback_json/Sample.py, 使用示例一：验证回调URL.
  echostr: {
    sig: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb',
    timestamp: '1476416373',
    nonce: '47744683',
    encrypted: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
    // The echo string itself is not printed in the sample; the Python reference decrypts it independently.
    plaintext: '1288432023552776189',
  },
  // callback/Sample.py, 使用示例二：对用户回复的消息解密 (its plaintext is sRespData of 使用示例三).
  xml: {
    sig: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e',
    timestamp: '1476422779',
    nonce: '1597212914',
    encrypted:
      'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+',
    plaintext:
      '<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>',
  },
  // callback_json/Sample.py, 使用示例二 (its plaintext is the sample's sRespData, quirks included).
  json: {
    sig: 'e3647471e395139e2308c1fa963f2d648a00b90e',
    timestamp: '1409659813',
    nonce: '1372623149',
    encrypted:
      'cjhLUX7UU4yCSelv1vz7T0zT8huF51bAMVWriNvO1FMegHrQZNrtvRxbwf0fUPsFvwqR0U0fgiJNEA5Y30F2MoI2S7vv3EjVQ68C0cjw9frBoUE2Hj0BvFp9h3u6Vbsg4lc1C8AtHdaN8orKuNKkLRLuYEL52R1J3v8olJGZRLnRdVKIivixmX/eQpzgeExtp20jI1HxRP1AAZ6xZoILdqDPO549LO4WeG+685JRUTdiwcY5fjZlqeMxuT4PpMn1X9OWsS7NRj06Wa5E3Tvg4twjWp39KPfOdRte6P1T4JU=',
    plaintext:
      '{ "ToUserName": "wx5823bf96d3bd56c7", "FromUserName": :mycreate", "CreateTime": 1409659813, "MsgType": "text", "Content": "hello", "MsgId": 4561255354251345929, "AgentID": 218}',
  },
} as const;

describe('WeCom crypto against the official sample vectors', () => {
  for (const [name, v] of Object.entries(VECTORS)) {
    describe(name, () => {
      it("the signature over the sorted token, timestamp, nonce and ciphertext is the sample's", () => {
        expect(signature(TOKEN, v.timestamp, v.nonce, v.encrypted)).toBe(v.sig);
        expect(signatureMatches(TOKEN, v.timestamp, v.nonce, v.encrypted, v.sig)).toBe(true);
        expect(
          signatureMatches(
            TOKEN,
            v.timestamp,
            v.nonce,
            v.encrypted,
            v.sig.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
          ),
        ).toBe(false);
        expect(signatureMatches(TOKEN, String(Number(v.timestamp) + 1), v.nonce, v.encrypted, v.sig)).toBe(false);
      });

      it('decrypts to the sample plaintext for the sample CorpID', () => {
        const d = decryptFor(AES_KEY, CORP_ID, v.encrypted);
        expect(d.message).toBe(v.plaintext);
        expect(d.receiveId).toBe(CORP_ID);
      });

      it('encrypts the plaintext back to the sample ciphertext exactly (same 16 random bytes)', () => {
        const { random } = decryptMessage(AES_KEY, v.encrypted);
        expect(random).toHaveLength(16);
        expect(encryptMessage(AES_KEY, CORP_ID, v.plaintext, random)).toBe(v.encrypted);
      });
    });
  }

  it('the encrypted passive reply equals the Python reference (EncryptMsg of the XML sample)', () => {
    const xml = encryptedReplyXml(
      { token: TOKEN, aesKey: AES_KEY, corpId: CORP_ID },
      VECTORS.xml.plaintext,
      '1476422779',
      '1597212914',
      Buffer.from('kekao-wecom-test'),
    );
    // python3 bot/test/reference/wecom_crypto.py
    expect(xml).toBe(
      '<xml>\n<Encrypt><![CDATA[1Yz8RWRZYPDuZFNsjw+LT9OP7I/Xs1be2kiNTvAMmJTwrNpt1IZRkj1C4wD9PYbPrDsZOkGKJeo1BjPGtDLMg8YhtfBuYd/88At1Ex+DDpoq6D0jgySGCx4AwUw72cSU3Jy4YhffQ6j46sG6yV9KhZ0oX1fy2PnfQnQ8tN9Bj7iAIYM2+6bSz0hhm0btV3mRHtMSAWJpoV9pmIA23mwKkj9GI2S7RQH3cgyS8KF24y+dZndHlhCH7TkCcljegEEtzp+D4gIF/o+DIHM7viTTnMrY7Z+JK7NoQ1g3tQbFliVmHX1jc6fYj5whwL9BNkKudWpYfiDk5qVxAIXu/Xj6btcu7NL4OQwvu3JHGDHn6KbFEMrkjpmyx7oZ3vYU6ndk]]></Encrypt>\n<MsgSignature><![CDATA[fc145085ea308697c1459cdcb46a00b7903b7391]]></MsgSignature>\n<TimeStamp>1476422779</TimeStamp>\n<Nonce><![CDATA[1597212914]]></Nonce>\n</xml>',
    );
    const parsed = parseWecomXml(xml);
    expect(decryptFor(AES_KEY, CORP_ID, String(parsed.Encrypt)).message).toBe(VECTORS.xml.plaintext);
  });

  it('the JSON sample reply encrypts as the Python reference computes', () => {
    // python3 bot/test/reference/wecom_crypto.py (json sRespData, nonce 1372623149, timestamp 1409659813)
    const enc = encryptMessage(AES_KEY, CORP_ID, VECTORS.json.plaintext, Buffer.from('kekao-wecom-test'));
    expect(enc).toBe(
      '1Yz8RWRZYPDuZFNsjw+LT6zflw8E/MYcx1uX3tQdWbmlevK6Zejj7+h6KzdqRLUmaSKYbT1VyyHqt8SKEQV2/Ctoumzurtr+KcMT2iI7umUJoXFUC8kFqLI6Pm4VnuMk080OLKjEZyXciXH3/Ulm+gdI3Pue72yVLSNqb7mIuaPJzXVHxaMdGb8uCJiXisZcR1vcd46PdgD/E/LzCkYsdB8bCoYKRiLMLSO8Az4AMQYaR2/xZx73LmgMFIVztmadp4neHlE9HSdIj6i/2ZPwn9wISaathZ1h0xrB+hHBMKs=',
    );
    expect(signature(TOKEN, '1409659813', '1372623149', enc)).toBe('f4542ffd93f2d70f08106bcd8cc6cb6e6e97762e');
  });

  it('refuses another CorpID, another key, truncated or altered ciphertext', () => {
    const key = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof WecomCryptoError ? e.key : 'other';
      }
      return 'accepted';
    };
    const enc = VECTORS.xml.encrypted;
    expect(key(() => decryptFor(AES_KEY, 'wwanothercorp', enc))).toBe('wecom.wrongReceiveId');
    expect(key(() => decryptFor('A'.repeat(43), CORP_ID, enc))).toBe('wecom.undecryptable');
    expect(key(() => decryptFor(AES_KEY, CORP_ID, enc.slice(0, 64)))).toBe('wecom.undecryptable');
    // A changed last block garbles the padding and the ReceiveId. (CBC has no integrity of its own:
    // a change in an earlier block can decrypt to other text — the signature is what refuses it.)
    const at = enc.length - 6;
    expect(['wecom.undecryptable', 'wecom.wrongReceiveId']).toContain(
      key(() => decryptFor(AES_KEY, CORP_ID, `${enc.slice(0, at)}${enc[at] === 'A' ? 'B' : 'A'}${enc.slice(at + 1)}`)),
    );
    expect(key(() => decryptFor(AES_KEY, CORP_ID, 'not base64!'))).toBe('wecom.undecryptable');
  });
});
