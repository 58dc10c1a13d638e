import Foundation
import INS

@testable import INSi

/// Builds clients against a running simulator with the TEST PKI.
enum ClientFactory {
    static let idam = "ADM-PASSERELLE-TEST"
    static let structureID = "499700367909006"

    static func lps(idam: String = idam) -> LPSIdentity {
        LPSIdentity(idam: idam, name: "PASSERELLE", version: "0.1.0", instance: "6f1f2d4e-8a55-4c7d-9a41-3f0c2b6c1e11")
    }

    static func organisation(
        endpoint: String, p12: String = "INSI-AUTO", sink: any INSiTraceSink, idam: String = idam,
        retry: RetryPolicy = .none, timeout: Duration = .seconds(5), suffixes: [String] = [],
        breaker: CircuitBreaker.Settings = .init(failureThreshold: 50, coolDownSeconds: 30)
    ) throws -> (INSiClient, HTTPClientTransport) {
        let tls = INSiTLSSettings(
            trustRootsFile: SimulatorProcess.certs("ca/test-acr-el.cert.pem"),
            clientIdentity: .pkcs12(
                path: SimulatorProcess.certs("insi/\(p12).p12"),
                passphraseFile: SimulatorProcess.certs("insi/passphrase.txt")),
            serverNameSuffixes: suffixes)
        try tls.checkEndpoint(endpoint)
        let transport = try HTTPClientTransport(tls: tls)
        let configuration = INSiClientConfiguration(
            mode: .organisation, endpoint: endpoint, lps: lps(idam: idam), structureID: structureID,
            requestTimeout: timeout, retry: retry, breaker: breaker)
        return (try INSiClient(configuration: configuration, transport: transport, traceSink: sink), transport)
    }

    static let professional = CPxProfessional(
        nationalID: "899700000013", identifiantFacturation: "991234567", secteurActivite: "SA07", specialite: "SM54")

    static func cardSigner(_ id: String = "899700000013") throws -> SoftwareRSASigner {
        try SoftwareRSASigner(
            certificatePEMFile: SimulatorProcess.certs("cards/\(id).auth.cert.pem"),
            privateKeyPEMFile: SimulatorProcess.certs("cards/\(id).auth.key.pem"))
    }

    static func cpx(
        endpoint: String, sink: any INSiTraceSink, signer: any INSiSigner,
        identity: INSiTLSSettings.ClientIdentity = .none,
        professional: CPxProfessional = professional
    ) throws -> (INSiClient, HTTPClientTransport) {
        let tls = INSiTLSSettings(
            trustRootsFile: SimulatorProcess.certs("ca/test-acr-el.cert.pem"), clientIdentity: identity,
            serverNameSuffixes: [])
        let transport = try HTTPClientTransport(tls: tls)
        let configuration = INSiClientConfiguration(
            mode: .cpx, endpoint: endpoint, lps: lps(), structureID: structureID, requestTimeout: .seconds(5),
            retry: .none, professional: professional)
        return (
            try INSiClient(configuration: configuration, transport: transport, traceSink: sink, signer: signer),
            transport
        )
    }

    static func traits(_ nom: String, _ prenoms: String, _ sexe: String, _ date: String, _ lieu: String? = nil) throws
        -> Traits
    {
        try Traits(nomNaissance: nom, prenoms: prenoms, sexe: sexe, naissance: date, lieuNaissance: lieu)
    }
}

/// Runs `body` and always shuts the transport down (AsyncHTTPClient insists).
func using<T>(
    _ client: INSiClient, _ transport: HTTPClientTransport, _ body: (INSiClient) async throws -> T
) async throws -> T {
    do {
        let result = try await body(client)
        await transport.shutdown()
        return result
    } catch {
        await transport.shutdown()
        throw error
    }
}

/// The error of a search that is expected to fail, or nil when it succeeded.
func searchFailure(_ client: INSiClient, _ traits: Traits) async -> INSiError? {
    do throws(INSiError) {
        _ = try await client.search(traits)
        return nil
    } catch {
        return error
    }
}
