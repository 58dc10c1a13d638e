import CPS
import Crypto
import Foundation
import NIOCore
import NIOSSL

/// The authentication key of a CPS as the private key of a TLS client: BoringSSL hands over the bytes to sign, the
/// card signs their SHA-256 DigestInfo with INTERNAL AUTHENTICATE.
///
/// Only `rsa_pkcs1_sha256` is offered: the CPS3 has no RSA-PSS, so the handshake must be TLS 1.2 (TLS 1.3 requires
/// PSS for client certificates). The signature is computed in a task, on the card's own PC/SC thread: the event loop
/// is never blocked while the card works (hundreds of milliseconds on a real card).
public struct CardTLSKey: NIOSSLCustomPrivateKey, Hashable {
    private let signer: any CardSigner
    /// Tells two keys apart for NIOSSL's key comparisons (a card session has no other stable identity).
    private let id = UUID()

    public init(signer: any CardSigner) {
        self.signer = signer
    }

    public var signatureAlgorithms: [SignatureAlgorithm] { [.rsaPkcs1Sha256] }

    public func sign(channel: any Channel, algorithm: SignatureAlgorithm, data: ByteBuffer) -> EventLoopFuture<
        ByteBuffer
    > {
        let promise = channel.eventLoop.makePromise(of: ByteBuffer.self)
        guard algorithm == .rsaPkcs1Sha256 else {
            promise.fail(CardTLSError.unsupportedSignatureAlgorithm(algorithm.rawValue))
            return promise.futureResult
        }
        let digest = Array(SHA256.hash(data: Array(data.readableBytesView)))
        let signer = self.signer
        let allocator = channel.allocator
        Task {
            do throws(CPSError) {
                let signature = try await signer.sign(sha256Digest: digest)
                promise.succeed(allocator.buffer(bytes: signature))
            } catch {
                promise.fail(CardTLSError.card(error))
            }
        }
        return promise.futureResult
    }

    /// RSA key exchange would make the card decrypt the pre-master secret; Passerelle never offers it.
    public func decrypt(channel: any Channel, data: ByteBuffer) -> EventLoopFuture<ByteBuffer> {
        channel.eventLoop.makeFailedFuture(CardTLSError.decryptionNotSupported)
    }

    public static func == (lhs: CardTLSKey, rhs: CardTLSKey) -> Bool {
        lhs.id == rhs.id
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }
}
