"""Reference values for bot/test/wecomCrypto.test.ts, computed independently of kekao's code.

WeCom's sample library WXBizMsgCrypt (github.com/sbzhu/weworkapi_python, callback/ and
callback_json/) ported to Python 3 with the `cryptography` package (AES-256-CBC, no padding; the
32-byte PKCS#7 padding done by hand as in PKCS7Encoder). The sample settings and messages are
those of callback/Sample.py and callback_json/Sample.py. Encryption draws 16 random characters in
the sample library; here they are fixed, so the output is reproducible.

Run: python3 bot/test/reference/wecom_crypto.py
"""
import base64
import hashlib
import struct

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo"
AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt"
CORP_ID = "ww1436e0e65a779aee"
KEY = base64.b64decode(AES_KEY + "=")
assert len(KEY) == 32


def sha1_signature(token, timestamp, nonce, encrypt):
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, encrypt])).encode()).hexdigest()


def aes(decrypt, data):
    c = Cipher(algorithms.AES(KEY), modes.CBC(KEY[:16]))
    op = c.decryptor() if decrypt else c.encryptor()
    return op.update(data) + op.finalize()


def decrypt(encrypt):
    plain = aes(True, base64.b64decode(encrypt))
    pad = plain[-1]
    content = plain[16:-pad]
    (length,) = struct.unpack(">I", content[:4])
    return plain[:16], content[4 : 4 + length].decode(), content[4 + length :].decode()


def encrypt(message, random16):
    text = random16 + struct.pack(">I", len(message.encode())) + message.encode() + CORP_ID.encode()
    pad = 32 - len(text) % 32
    return base64.b64encode(aes(False, text + bytes([pad]) * pad)).decode()


XML_TEMPLATE = """<xml>
<Encrypt><![CDATA[%(msg_encrypt)s]]></Encrypt>
<MsgSignature><![CDATA[%(msg_signaturet)s]]></MsgSignature>
<TimeStamp>%(timestamp)s</TimeStamp>
<Nonce><![CDATA[%(nonce)s]]></Nonce>
</xml>"""


def encrypt_msg_xml(reply, nonce, timestamp, random16):
    enc = encrypt(reply, random16)
    sig = sha1_signature(TOKEN, timestamp, nonce, enc)
    return XML_TEMPLATE % {"msg_encrypt": enc, "msg_signaturet": sig, "timestamp": timestamp, "nonce": nonce}


VECTORS = {
    "echostr": ("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683",
                "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA=="),
    "xml": ("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914",
            "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+"),
    "json": ("e3647471e395139e2308c1fa963f2d648a00b90e", "1409659813", "1372623149",
             "cjhLUX7UU4yCSelv1vz7T0zT8huF51bAMVWriNvO1FMegHrQZNrtvRxbwf0fUPsFvwqR0U0fgiJNEA5Y30F2MoI2S7vv3EjVQ68C0cjw9frBoUE2Hj0BvFp9h3u6Vbsg4lc1C8AtHdaN8orKuNKkLRLuYEL52R1J3v8olJGZRLnRdVKIivixmX/eQpzgeExtp20jI1HxRP1AAZ6xZoILdqDPO549LO4WeG+685JRUTdiwcY5fjZlqeMxuT4PpMn1X9OWsS7NRj06Wa5E3Tvg4twjWp39KPfOdRte6P1T4JU="),
}

for name, (sig, ts, nonce, enc) in VECTORS.items():
    assert sha1_signature(TOKEN, ts, nonce, enc) == sig, name
    random16, message, receive_id = decrypt(enc)
    print(f"{name}: receiveId={receive_id} random(hex)={random16.hex()} message={message!r}")
    assert encrypt(message, random16) == enc, name

RANDOM = b"kekao-wecom-test"
XML_REPLY = "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>"
JSON_REPLY = '{ "ToUserName": "wx5823bf96d3bd56c7", "FromUserName": :mycreate", "CreateTime": 1409659813, "MsgType": "text", "Content": "hello", "MsgId": 4561255354251345929, "AgentID": 218}'
print("xml EncryptMsg(sRespData, '1597212914', '1476422779'), random 'kekao-wecom-test':")
print(repr(encrypt_msg_xml(XML_REPLY, "1597212914", "1476422779", RANDOM)))
print("json sRespData encrypted, random 'kekao-wecom-test':")
enc = encrypt(JSON_REPLY, RANDOM)
print(enc, sha1_signature(TOKEN, "1409659813", "1372623149", enc))
