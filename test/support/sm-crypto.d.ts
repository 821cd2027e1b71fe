/** The part of sm-crypto (an independent SM2 implementation, a dev dependency) the tests use. */
declare module 'sm-crypto' {
  interface SignatureOptions {
    der?: boolean;
    hash?: boolean;
    publicKey?: string;
    userId?: string;
  }
  export const sm2: {
    generateKeyPairHex(): { publicKey: string; privateKey: string };
    getPublicKeyFromPrivateKey(privateKey: string): string;
    doSignature(msg: string | number[], privateKey: string, options?: SignatureOptions): string;
    doVerifySignature(msg: string | number[], signHex: string, publicKey: string, options?: SignatureOptions): boolean;
  };
}
