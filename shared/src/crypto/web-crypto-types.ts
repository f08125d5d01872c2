/*
 * WebCrypto's key types, named from the global `crypto` itself: the Node packages compile
 * without the DOM library, where CryptoKey and friends are declared.
 */
export type WebCryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
export type WebCryptoKeyPair = { publicKey: WebCryptoKey; privateKey: WebCryptoKey };
export type AesUsage = 'encrypt' | 'decrypt';
