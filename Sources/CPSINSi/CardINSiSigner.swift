import CPS
import Crypto
import INSi

/// The CPS as the signer of INSi's CPx assertion PS: the canonical SignedInfo is hashed here (SHA-256) and the card
/// signs its DigestInfo with INTERNAL AUTHENTICATE (key 0x82, PKCS#1 v1.5), which is what `rsa-sha256` XML-DSig
/// expects. The PIN must already be verified on the card session (`CPSCard.verifyPIN`); this adapter never asks.
public struct CardINSiSigner: INSiSigner {
    public let certificateDER: [UInt8]
    private let signer: any CardSigner

    public init(certificateDER: [UInt8], signer: any CardSigner) {
        self.certificateDER = certificateDER
        self.signer = signer
    }

    /// The card's own certificate and its authentication key.
    public init(identity: CardIdentity, card: CPSCard) {
        self.init(certificateDER: identity.certificateDER, signer: card.signer)
    }

    public func signSHA256(_ message: [UInt8]) async throws -> [UInt8] {
        let digest = Array(SHA256.hash(data: message))
        let signature = try await signer.sign(sha256Digest: digest)
        guard signature.count >= 128 else {
            throw CPSError.malformedCardData("card signature of \(signature.count) bytes")
        }
        return signature
    }
}
