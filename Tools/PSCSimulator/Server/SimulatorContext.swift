import Hummingbird
import NIOCore
import NIOSSL
import X509

/// Request context that remembers the connection, so that mTLS endpoints can read the client certificate.
struct SimulatorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// DER of the verified client certificate, when the connection is mTLS.
    func peerCertificateDER() async -> [UInt8]? {
        guard let certificate = try? await channel.nioSSL_peerCertificate().get() else { return nil }
        return try? certificate.toDERBytes()
    }

    func peerCommonName() async -> String? {
        guard let der = await peerCertificateDER(), let certificate = try? Certificate(derEncoded: der) else {
            return nil
        }
        for rdn in certificate.subject {
            for attribute in rdn where attribute.type == .RDNAttributeType.commonName {
                return String(describing: attribute.value)
            }
        }
        return nil
    }
}
