import ArgumentParser
import Foundation
import INS
import INSi
import PasserelleConfiguration

/// An INSi client built from the configuration, with its transport to shut down after use.
struct INSiSession {
    let client: INSiClient
    let transport: HTTPClientTransport

    static func open(_ global: GlobalOptions) async throws(AnyPasserelleError) -> INSiSession {
        let configuration: PasserelleConfiguration
        do { configuration = try await PasserelleConfiguration.load(explicitPath: global.config) } catch {
            throw AnyPasserelleError(error)
        }
        guard let section = configuration.insi else {
            throw AnyPasserelleError(ConfigurationError(.missingKey, "insi"))
        }
        return try await open(section) { traceFile in
            if let traceFile { JSONLinesTraceSink(path: traceFile) } else { InMemoryTraceSink() }
        }
    }

    /// The client of `section`, tracing into the sink `makeSink` builds from the configured trace file (the broker
    /// passes its API ledger, which writes that file too).
    static func open(_ section: INSiSection, makeSink: (String?) -> any INSiTraceSink)
        async throws(AnyPasserelleError) -> INSiSession
    {
        guard let endpoint = section.endpoint else {
            throw AnyPasserelleError(ConfigurationError(.missingKey, "insi.endpoints"))
        }
        do throws(INSiError) {
            let instance = try InstallationID.loadOrCreate(at: section.installationIDFile)
            let identity: INSiTLSSettings.ClientIdentity =
                if section.mode == .mtls, let p12 = section.pkcs12File, let passphrase = section.passphraseFile {
                    .pkcs12(path: p12, passphraseFile: passphrase)
                } else {
                    .none
                }
            let tls = INSiTLSSettings(
                trustRootsFile: section.trustRootsFile, clientIdentity: identity,
                serverNameSuffixes: section.serverNameSuffixes)
            try tls.checkEndpoint(endpoint)
            let signer = try Self.signer(section)
            let transport = try HTTPClientTransport(tls: tls, connectTimeout: .seconds(section.connectTimeoutSeconds))
            let clientConfiguration = INSiClientConfiguration(
                mode: section.mode == .mtls ? .organisation : .cpx, endpoint: endpoint,
                lps: LPSIdentity(
                    idam: section.idam, name: section.lpsName, version: section.lpsVersion, instance: instance),
                structureID: section.structureID, requestTimeout: .seconds(section.requestTimeoutSeconds),
                retry: RetryPolicy(
                    maximumAttempts: section.retryAttempts, baseDelayMilliseconds: section.retryBaseDelayMilliseconds,
                    maximumDelayMilliseconds: section.retryMaxDelayMilliseconds),
                breaker: .init(
                    failureThreshold: section.breakerFailureThreshold, coolDownSeconds: section.breakerCoolDownSeconds),
                professional: section.cpx.map {
                    CPxProfessional(
                        nationalID: $0.nationalID, identifiantFacturation: $0.identifiantFacturation,
                        secteurActivite: $0.secteurActivite, specialite: $0.specialite)
                })
            let sink = makeSink(section.traceFile)
            do {
                let client = try INSiClient(
                    configuration: clientConfiguration, transport: transport, traceSink: sink, signer: signer)
                return INSiSession(client: client, transport: transport)
            } catch {
                await transport.shutdown()
                throw error
            }
        } catch {
            throw AnyPasserelleError(error)
        }
    }

    /// CPx from the command line signs with the software key the configuration names (tests and demo); the CPS
    /// card signer is wired by the broker.
    private static func signer(_ section: INSiSection) throws(INSiError) -> (any INSiSigner)? {
        guard section.mode == .cpx else { return nil }
        guard let certificate = section.cpx?.certificateFile, let key = section.cpx?.privateKeyFile else {
            throw .configuration("CPx mode from the command line needs insi.cpx.certificate and insi.cpx.privateKey")
        }
        return try SoftwareRSASigner(certificatePEMFile: certificate, privateKeyPEMFile: key)
    }

    func close() async {
        await transport.shutdown()
    }
}

/// Exit code of design.md §8 for an error on an INSi path.
func insiExitCode(for error: any PasserelleError) -> ExitCode {
    let base = (error as? AnyPasserelleError)?.base ?? error
    if let insi = base as? INSiError, insi.meansUnavailable { return ExitStatus.dependencyUnavailable }
    return ExitStatus.badInput
}
