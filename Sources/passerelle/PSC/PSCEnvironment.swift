import ArgumentParser
import Foundation
import INS
import ProSanteConnect

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the CLI finds its PSC configuration and keeps its session between commands.
/// Configuration, first found: `--psc-config <file.json>`; the `psc:` section of `passerelle.yaml` (`--config` or
/// `PASSERELLE_CONFIG`); then, so that older set-ups keep working, `PASSERELLE_PSC_CONFIG` or `<data dir>/psc.json`
/// (the JSON form of `PSCConfiguration`). Session: `<data dir>/psc-session.json`, mode 0600.
struct PSCEnvironment {
    let global: GlobalOptions
    let configPath: String?

    var dataDirectory: String {
        global.dataDir ?? ProcessInfo.processInfo.environment["PASSERELLE_DATA_DIR"]
            ?? (NSHomeDirectory() + "/.local/share/passerelle")
    }

    var sessionPath: String { dataDirectory + "/psc-session.json" }

    func configuration() async throws(PSCError) -> PSCConfiguration {
        if configPath == nil {
            do {
                if let section = try await OptionalConfiguration.load(global)?.psc {
                    return try section.clientConfiguration()
                }
            } catch {
                throw .configuration(error.technicalDetail)
            }
        }
        let path =
            configPath ?? ProcessInfo.processInfo.environment["PASSERELLE_PSC_CONFIG"] ?? (dataDirectory + "/psc.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .configuration("no PSC configuration at \(path) (use --psc-config or passerelle demo)")
        }
        do {
            return try JSONDecoder().decode(PSCConfiguration.self, from: data)
        } catch {
            throw .configuration("\(path): \(error)")
        }
    }

    func makeClient() async throws(PSCError) -> PSCClient {
        try PSCClient(configuration: await configuration())
    }

    func saveSession(_ session: PSCSession) throws(PSCError) {
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            let data = try encoder.encode(session)
            // Create with 0600 before writing: the tokens never exist in a world-readable file, even briefly.
            let fd = open(sessionPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            guard fd >= 0 else { throw PSCError.configuration("cannot write \(sessionPath)") }
            defer { close(fd) }
            _ = fchmod(fd, 0o600)
            let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == data.count else { throw PSCError.configuration("short write to \(sessionPath)") }
        } catch let error as PSCError {
            throw error
        } catch {
            throw .configuration("cannot write the session: \(error)")
        }
    }

    func loadSession() throws(PSCError) -> PSCSession {
        guard let data = FileManager.default.contents(atPath: sessionPath) else {
            throw .noSession("no session file at \(sessionPath)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(PSCSession.self, from: data)
        } catch {
            throw .noSession("unreadable session file")
        }
    }

    func deleteSession() {
        try? FileManager.default.removeItem(atPath: sessionPath)
    }
}

/// Exit codes of design.md §8 for PSC errors.
func pscExit(_ error: PSCError, json: Bool) -> ExitCode {
    switch error {
    case .unavailable: report(error, json: json, exit: ExitStatus.dependencyUnavailable)
    case .noSession, .cibaDenied, .cibaExpired, .authorizationRefused:
        report(error, json: json, exit: ExitStatus.negativeAnswer)
    default: report(error, json: json)
    }
}
