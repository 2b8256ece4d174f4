import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";

// NATIONAL_ID values are sensitive personal information (PIPL): stored only as AES-256-GCM ciphertext, and
// matched through an HMAC-SHA256 blind index. Both keys are derived (HKDF) from one configured master key.
// Ciphertexts carry a key version ("v1:") so a rotated key can decrypt old rows while re-encrypting them.
export interface IdentifierProtector {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  blindIndex(normalized: string): string;
}

const VERSION = "v1";

// Development and tests only; configuration refuses to start in production without C360_ENCRYPTION_KEY.
export const DEVELOPMENT_KEY = createHash("sha256").update("c360 development key: not a secret").digest("hex");

export function createIdentifierProtector(masterKeyHex: string): IdentifierProtector {
  const master = Buffer.from(masterKeyHex, "hex");
  if (master.length !== 32) throw new Error("The identifier encryption key must be 32 bytes");
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
  const encKey = derive("c360/identifier/encrypt");
  const macKey = derive("c360/identifier/blind-index");

  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", encKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    decrypt(sealed) {
      const [version, payload] = sealed.split(":");
      if (version !== VERSION || !payload) throw new Error(`Unknown identifier key version: ${version}`);
      const raw = Buffer.from(payload, "base64");
      const decipher = createDecipheriv("aes-256-gcm", encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
    blindIndex(normalized) {
      return createHmac("sha256", macKey).update(normalized).digest("hex");
    },
  };
}
