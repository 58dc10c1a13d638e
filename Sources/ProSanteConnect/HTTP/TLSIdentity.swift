import Crypto
import Foundation
import NIOSSL

/// The organisation certificate (IGC-Santé AUTH_CLI) used for mTLS, loaded from a PKCS#12.
struct TLSIdentity: Sendable {
    let chain: [NIOSSLCertificate]
    let privateKey: NIOSSLPrivateKey

    init(pkcs12Path: String, passphrase: String) throws(PSCError) {
        do {
            let bundle = try NIOSSLPKCS12Bundle(file: pkcs12Path, passphrase: Array(passphrase.utf8))
            self.chain = bundle.certificateChain
            self.privateKey = bundle.privateKey
        } catch {
            throw .configuration("cannot open PKCS#12 \(pkcs12Path): \(error)")
        }
        if chain.isEmpty { throw .configuration("PKCS#12 \(pkcs12Path) holds no certificate") }
    }

    /// SHA-256 of the leaf's DER: what `cnf.x5t#S256` must carry (RFC 8705 §3.1).
    func leafThumbprint() throws(PSCError) -> [UInt8] {
        guard let leaf = chain.first, let der = try? leaf.toDERBytes() else {
            throw .configuration("cannot serialise the client certificate")
        }
        return Array(SHA256.hash(data: der))
    }
}
