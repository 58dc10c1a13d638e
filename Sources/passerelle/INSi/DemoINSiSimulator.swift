import Foundation
import PasserelleConfiguration

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `insi-sim` child of `passerelle demo`: started from the same bin directory on free ports, ready line
/// read, and the `insi` section of the demo configuration derived from it.
final class DemoINSiSimulator: @unchecked Sendable {
    typealias Failure = DemoChild.Failure

    let child: DemoChild
    var process: Process { child.process }
    var mtls: String { child["mtls"] }
    var cpx: String { child["cpx"] }
    var admin: String { child["admin"] }

    init(certs: String) throws(Failure) {
        child = try DemoChild(
            executable: "insi-sim", arguments: ["--host", "127.0.0.1", "--port", "0", "--certs-dir", certs],
            requiredFields: ["mtls", "cpx", "admin"])
    }

    func stop() { child.stop() }

    /// The TEST passphrase copied into the data directory with mode 0600: a checkout leaves `Certs/` files 0644,
    /// which `config check` rightly flags for a secret. Falls back to the original when the copy fails.
    static func privatePassphrase(certs: String, dataDirectory: String) -> String {
        let original = "\(certs)/insi/passphrase.txt"
        let copy = URL(fileURLWithPath: dataDirectory).appendingPathComponent("insi-passphrase").path
        guard let data = FileManager.default.contents(atPath: original),
            FileManager.default.createFile(atPath: copy, contents: data, attributes: [.posixPermissions: 0o600])
        else { return original }
        return copy
    }

    /// The demo's `insi` section: TEST PKI, INSI-MANU (operator-triggered calls), medecin-1's card for CPx.
    func section(certs: String, dataDirectory: String) -> INSiSection {
        INSiSection(
            mode: .mtls, mtlsEndpoint: mtls, cpxEndpoint: cpx, pkcs12File: "\(certs)/insi/INSI-MANU.p12",
            passphraseFile: Self.privatePassphrase(certs: certs, dataDirectory: dataDirectory),
            trustRootsFile: "\(certs)/ca/test-acr-el.cert.pem",
            serverNameSuffixes: ["127.0.0.1", "localhost"], idam: "ADM-PASSERELLE-TEST", lpsName: "PASSERELLE",
            lpsVersion: PasserelleVersion.current, installationIDFile: "\(dataDirectory)/insi-installation-id",
            structureID: "499700367909006", requestTimeoutSeconds: 15, connectTimeoutSeconds: 5, retryAttempts: 3,
            retryBaseDelayMilliseconds: 100, retryMaxDelayMilliseconds: 2000, breakerFailureThreshold: 5,
            breakerCoolDownSeconds: 30, traceFile: "\(dataDirectory)/insi-traces.jsonl",
            cpx: .init(
                nationalID: "899700000013", identifiantFacturation: "991234567", secteurActivite: "SA07",
                specialite: "SM54", certificateFile: "\(certs)/cards/899700000013.auth.cert.pem",
                privateKeyFile: "\(certs)/cards/899700000013.auth.key.pem"))
    }

    /// `PASSERELLE_CERTS_DIR`, else the first `Certs/` holding the TEST root upwards from the binary or the
    /// working directory.
    static func locateCerts() throws -> String {
        if let explicit = ProcessInfo.processInfo.environment["PASSERELLE_CERTS_DIR"] { return explicit }
        let starts = [
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path,
            FileManager.default.currentDirectoryPath,
        ]
        for start in starts {
            var directory = URL(fileURLWithPath: start)
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent("Certs")
                let root = candidate.appendingPathComponent("ca/test-acr-el.cert.pem").path
                if FileManager.default.fileExists(atPath: root) { return candidate.path }
                directory.deleteLastPathComponent()
            }
        }
        throw Failure(description: "TEST PKI (Certs/) not found: set PASSERELLE_CERTS_DIR")
    }
}

/// Waits for SIGINT or SIGTERM (or the child's death) without letting the default handlers kill the process.
final class TerminationWaiter: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<String, Never>?
    private var pending: String?
    private var sources: [any DispatchSourceSignal] = []

    init(child: Process) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.finish(number == SIGINT ? "SIGINT" : "SIGTERM") }
            source.resume()
            sources.append(source)
        }
        child.terminationHandler = { [weak self] _ in self?.finish("insi-sim exited") }
    }

    func wait() async -> String {
        await withCheckedContinuation { continuation in
            lock.lock()
            if let pending {
                lock.unlock()
                continuation.resume(returning: pending)
            } else {
                self.continuation = continuation
                lock.unlock()
            }
        }
    }

    func finish(_ reason: String) {
        lock.lock()
        let waiting = continuation
        continuation = nil
        if waiting == nil, pending == nil { pending = reason }
        lock.unlock()
        waiting?.resume(returning: reason)
    }
}
