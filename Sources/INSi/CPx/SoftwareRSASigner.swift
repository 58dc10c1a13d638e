import Crypto
import Foundation
import NIOSSL
import _CryptoExtras

/// A signer holding an RSA key in memory: tests and the demo (keys from `Certs/cards/`), never production,
/// where the key stays on the card.
public struct SoftwareRSASigner: INSiSigner {
    public let certificateDER: [UInt8]
    private let key: _RSA.Signing.PrivateKey

    public init(certificatePEMFile: String, privateKeyPEMFile: String) throws(INSiError) {
        do {
            guard let certificate = try NIOSSLCertificate.fromPEMFile(certificatePEMFile).first else {
                throw INSiError.configuration("no certificate in \(certificatePEMFile)")
            }
            self.certificateDER = try certificate.toDERBytes()
            let keyPEM = try String(contentsOfFile: privateKeyPEMFile, encoding: .utf8)
            self.key = try _RSA.Signing.PrivateKey(pemRepresentation: keyPEM)
        } catch {
            throw .configuration("cannot load signing certificate \(certificatePEMFile) or its key")
        }
    }

    public func signSHA256(_ message: [UInt8]) async throws -> [UInt8] {
        let signature = try key.signature(for: message, padding: .insecurePKCS1v1_5)
        return Array(signature.rawRepresentation)
    }
}
