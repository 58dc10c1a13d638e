import Foundation
import NIOSSL

/// TLS material for INSi: the trust store (only the configured roots: IGC-Santé in production, the TEST PKI in
/// tests), the client identity, and the server names INSi may have.
public struct INSiTLSSettings: Sendable {
    public enum ClientIdentity: Sendable {
        /// Server-auth TLS only (CPx mode without card TLS).
        case none
        /// Organisation certificate (AUTH_CLI): PKCS#12 file and a file holding its passphrase.
        case pkcs12(path: String, passphraseFile: String)
        /// Certificate chain and key as PEM files (a card certificate in tests).
        case pem(certificateChain: String, privateKey: String)
    }

    /// PEM file with the trusted roots (and optionally intermediates).
    public var trustRootsFile: String
    public var clientIdentity: ClientIdentity
    /// The endpoint host must end with one of these (e.g. `services-ps-tlsm.ameli.fr`); empty = no rule.
    public var serverNameSuffixes: [String]

    public init(trustRootsFile: String, clientIdentity: ClientIdentity, serverNameSuffixes: [String]) {
        self.trustRootsFile = trustRootsFile
        self.clientIdentity = clientIdentity
        self.serverNameSuffixes = serverNameSuffixes
    }

    /// The swift-nio-ssl configuration: full verification (chain to our roots + host name), TLS 1.2 minimum.
    func makeConfiguration() throws(INSiError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        tls.certificateVerification = .fullVerification
        do {
            let roots = try NIOSSLCertificate.fromPEMFile(trustRootsFile)
            guard !roots.isEmpty else { throw INSiError.configuration("no certificate in \(trustRootsFile)") }
            tls.trustRoots = .certificates(roots)
        } catch let error as INSiError {
            throw error
        } catch {
            throw .configuration("cannot read trust roots \(trustRootsFile): \(error)")
        }
        switch clientIdentity {
        case .none:
            break
        case .pkcs12(let path, let passphraseFile):
            let passphrase: [UInt8]
            do {
                let raw = try Data(contentsOf: URL(fileURLWithPath: passphraseFile))
                passphrase = Array(raw.reversed().drop { $0 == 0x0A || $0 == 0x0D }.reversed())
            } catch {
                throw .configuration("cannot read the PKCS#12 passphrase file \(passphraseFile)")
            }
            do {
                let bundle = try NIOSSLPKCS12Bundle(file: path, passphrase: passphrase)
                tls.certificateChain = bundle.certificateChain.map { .certificate($0) }
                tls.privateKey = .privateKey(bundle.privateKey)
            } catch {
                // Never echo the passphrase; the file name is enough to act on.
                throw .configuration("cannot open PKCS#12 \(path) with the passphrase from \(passphraseFile)")
            }
        case .pem(let chainFile, let keyFile):
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(chainFile).map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem))
            } catch {
                throw .configuration("cannot read client certificate \(chainFile) or its key")
            }
        }
        return tls
    }

    /// Refuses an endpoint whose host is not one INSi may have, before any connection.
    public func checkEndpoint(_ url: String) throws(INSiError) {
        guard let components = URLComponents(string: url), components.scheme == "https",
            let host = components.host?.lowercased(), !host.isEmpty
        else { throw .configuration("INSi endpoint \(url) is not an https URL") }
        guard serverNameSuffixes.isEmpty || serverNameSuffixes.contains(where: { host.hasSuffix($0.lowercased()) })
        else {
            throw .configuration(
                "INSi endpoint host \(host) does not end with \(serverNameSuffixes.joined(separator: " or "))")
        }
    }
}
