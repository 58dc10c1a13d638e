"""Deterministic test keys for the Passerelle TEST PKI.

Why: the generator must give byte-identical keys and certificates on every run, and the `cryptography` package only
generates keys from the system random source. So the primes (RSA) and the scalar (EC) are drawn here from a SHAKE-256
stream seeded with a fixed project seed and the key's name, then handed to `cryptography` as numbers.

These keys are public test material: anyone can recompute them from this file. Never use this code for a real key.
"""

from __future__ import annotations

import base64
import hashlib
import json

from cryptography.hazmat.primitives.asymmetric import ec, rsa

# Changing the seed changes every key, certificate and JWK `kid`: bump it only on purpose.
SEED = b"passerelle TEST PKI v1 -- public test keys, never for production"
RSA_PUBLIC_EXPONENT = 65537

_SMALL_PRIMES = [p for p in range(3, 20000, 2) if all(p % d for d in range(3, int(p**0.5) + 1, 2))]


class DeterministicStream:
    """An endless byte stream: SHAKE-256(seed | name | counter) blocks, one stream per key name."""

    def __init__(self, name: str) -> None:
        self._prefix = SEED + b"\x00" + name.encode("utf-8") + b"\x00"
        self._counter = 0
        self._buffer = b""

    def read(self, n: int) -> bytes:
        while len(self._buffer) < n:
            block = hashlib.shake_256(self._prefix + self._counter.to_bytes(8, "big")).digest(136)
            self._counter += 1
            self._buffer += block
        out, self._buffer = self._buffer[:n], self._buffer[n:]
        return out

    def integer(self, bits: int) -> int:
        return int.from_bytes(self.read((bits + 7) // 8), "big") >> ((8 - bits % 8) % 8)


def _is_probable_prime(n: int, stream: DeterministicStream, rounds: int = 24) -> bool:
    for p in _SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        a = 2 + stream.integer(n.bit_length()) % (n - 3)
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(bits: int, stream: DeterministicStream) -> int:
    while True:
        # Top two bits set so that p*q has exactly 2*bits bits; odd.
        candidate = stream.integer(bits) | (0b11 << (bits - 2)) | 1
        if candidate % RSA_PUBLIC_EXPONENT == 1:
            continue  # gcd(p - 1, e) must be 1
        if _is_probable_prime(candidate, stream):
            return candidate


def rsa_key(name: str, bits: int) -> rsa.RSAPrivateKey:
    """The RSA key called `name`: same name and size, same key, on every machine."""
    stream = DeterministicStream(f"rsa-{bits}:{name}")
    half = bits // 2
    while True:
        p = _prime(half, stream)
        q = _prime(half, stream)
        if abs(p - q) >> (half - 100) == 0:
            continue  # FIPS 186 distance between the primes
        if p < q:
            p, q = q, p
        n = p * q
        if n.bit_length() != bits:
            continue
        d = rsa.rsa_recover_private_exponent(RSA_PUBLIC_EXPONENT, p, q)
        numbers = rsa.RSAPrivateNumbers(
            p=p,
            q=q,
            d=d,
            dmp1=rsa.rsa_crt_dmp1(d, p),
            dmq1=rsa.rsa_crt_dmq1(d, q),
            iqmp=rsa.rsa_crt_iqmp(p, q),
            public_numbers=rsa.RSAPublicNumbers(RSA_PUBLIC_EXPONENT, n),
        )
        return numbers.private_key()


def p256_key(name: str) -> ec.EllipticCurvePrivateKey:
    """The P-256 key called `name`: the scalar is reduced from 384 stream bits (negligible bias)."""
    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    stream = DeterministicStream(f"p256:{name}")
    scalar = stream.integer(384) % (order - 1) + 1
    return ec.derive_private_key(scalar, ec.SECP256R1())


def _b64url_uint(value: int, length: int | None = None) -> str:
    raw = value.to_bytes(length or max(1, (value.bit_length() + 7) // 8), "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def public_jwk(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey, alg: str) -> dict[str, str]:
    """Public JWK with `kid` = RFC 7638 SHA-256 thumbprint (base64url), plus `use` and `alg`."""
    if isinstance(key, rsa.RSAPrivateKey):
        pub = key.public_key().public_numbers()
        required = {"e": _b64url_uint(pub.e), "kty": "RSA", "n": _b64url_uint(pub.n)}
    else:
        pub = key.public_key().public_numbers()
        required = {"crv": "P-256", "kty": "EC", "x": _b64url_uint(pub.x, 32), "y": _b64url_uint(pub.y, 32)}
    canonical = json.dumps(required, sort_keys=True, separators=(",", ":")).encode("ascii")
    kid = base64.urlsafe_b64encode(hashlib.sha256(canonical).digest()).rstrip(b"=").decode("ascii")
    return {**required, "kid": kid, "use": "sig", "alg": alg}
