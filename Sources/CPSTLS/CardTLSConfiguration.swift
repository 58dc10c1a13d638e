import CPS
import NIOSSL

/// A TLS client configuration that authenticates with the card: its certificate (and the intermediates given) and
/// `CardTLSKey`. TLS 1.2 exactly, `rsa_pkcs1_sha256` only, because the CPS3 cannot sign RSA-PSS.
public enum CardTLSConfiguration {
    public static func client(
        certificateDER: [UInt8], signer: any CardSigner, intermediates: [NIOSSLCertificate] = [],
        trustRoots: NIOSSLTrustRoots = .default
    ) throws(CardTLSError) -> TLSConfiguration {
        let leaf: NIOSSLCertificate
        do {
            leaf = try NIOSSLCertificate(bytes: certificateDER, format: .der)
        } catch {
            throw .unusableCertificate("\(error)")
        }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.maximumTLSVersion = .tlsv12
        configuration.certificateChain = ([leaf] + intermediates).map { .certificate($0) }
        configuration.privateKey = .privateKey(NIOSSLPrivateKey(customPrivateKey: CardTLSKey(signer: signer)))
        configuration.signingSignatureAlgorithms = [.rsaPkcs1Sha256]
        configuration.trustRoots = trustRoots
        return configuration
    }

    /// The same, from what the card told about itself.
    public static func client(
        identity: CardIdentity, signer: any CardSigner, intermediates: [NIOSSLCertificate] = [],
        trustRoots: NIOSSLTrustRoots = .default
    ) throws(CardTLSError) -> TLSConfiguration {
        try client(
            certificateDER: identity.certificateDER, signer: signer, intermediates: intermediates,
            trustRoots: trustRoots)
    }
}
