import Foundation
import X509

/// The roots (and intermediates) card certificates must chain to: the IGC-Santé roots in production, the test PKI
/// in tests. Configured by the caller; the card module trusts nothing by default.
public struct CardTrust: Sendable {
    public let roots: [Certificate]
    public let intermediates: [Certificate]

    public init(roots: [Certificate], intermediates: [Certificate] = []) {
        self.roots = roots
        self.intermediates = intermediates
    }

    /// Loads PEM bundles: self-signed certificates become roots, the others intermediates.
    public init(pemBundles: [String]) throws(CPSError) {
        var roots: [Certificate] = []
        var intermediates: [Certificate] = []
        for bundle in pemBundles {
            let certificates: [Certificate]
            do {
                certificates = try Self.pemBlocks(bundle).map { try Certificate(pemEncoded: $0) }
            } catch {
                throw .untrustedCertificate("unreadable trust bundle: \(error)")
            }
            for certificate in certificates {
                if certificate.subject == certificate.issuer {
                    roots.append(certificate)
                } else {
                    intermediates.append(certificate)
                }
            }
        }
        self.init(roots: roots, intermediates: intermediates)
    }

    /// Splits a PEM bundle into its `CERTIFICATE` blocks.
    static func pemBlocks(_ bundle: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring] = []
        for line in bundle.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("-----BEGIN CERTIFICATE") {
                current = [line]
            } else if !current.isEmpty {
                current.append(line)
                if line.hasPrefix("-----END CERTIFICATE") {
                    blocks.append(current.joined(separator: "\n"))
                    current = []
                }
            }
        }
        return blocks
    }

    /// Checks the card certificate chains to a configured root and is valid now (RFC 5280 rules).
    /// Returns the chain leaf → root.
    public func verify(_ certificate: Certificate) async throws(CPSError) -> [Certificate] {
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
            RFC5280Policy()
        }
        let result = await verifier.validate(leaf: certificate, intermediates: CertificateStore(intermediates))
        switch result {
        case .validCertificate(let chain):
            return Array(chain)
        case .couldNotValidate(let failures):
            let reasons = failures.map { String(describing: $0.policyFailureReason) }.joined(separator: "; ")
            throw .untrustedCertificate(reasons.isEmpty ? "no chain to a configured root" : reasons)
        }
    }
}
