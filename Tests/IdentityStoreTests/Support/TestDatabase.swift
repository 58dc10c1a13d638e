import Foundation
import INS
import Testing

@testable import IdentityStore

/// The two back ends the repository suite runs against. PostgreSQL needs `PASSERELLE_TEST_POSTGRES_URL`
/// (set by `Tools/test.d/30-postgres.sh` after starting a server); without it those cases are reported as
/// skipped, never passed.
enum TestBackend: String, Sendable, CaseIterable {
    case sqlite
    case postgres

    static let postgresURL = ProcessInfo.processInfo.environment["PASSERELLE_TEST_POSTGRES_URL"]
    static var postgresAvailable: Bool { postgresURL != nil }
}

/// A fresh, empty database for one test, and the tools to poke at it behind the store's back.
struct TestDatabase: Sendable {
    let backend: TestBackend
    let location: StoreLocation
    /// SQLite file or PostgreSQL URL, for the command-line tools.
    let target: String

    static func make(_ backend: TestBackend) throws -> TestDatabase {
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("identity-store-\(UUID().uuidString.prefix(8))")
            let path = directory.appendingPathComponent("identities.sqlite").path
            return TestDatabase(backend: backend, location: .sqlite(path: path), target: path)
        case .postgres:
            let admin = try #require(TestBackend.postgresURL, "PASSERELLE_TEST_POSTGRES_URL is not set")
            let name = "store_test_\(UUID().uuidString.prefix(8).lowercased())"
            _ = try Tool.run("psql", [admin, "-v", "ON_ERROR_STOP=1", "-qc", "CREATE DATABASE \(name)"])
            var components = try #require(URLComponents(string: admin))
            components.path = "/\(name)"
            let url = try #require(components.string)
            return TestDatabase(backend: backend, location: .postgres(url: url), target: url)
        }
    }

    func open() async throws -> IdentityDatabase {
        try await IdentityDatabase.open(location)
    }

    /// Runs SQL with `sqlite3` or `psql`, as an intruder would.
    @discardableResult
    func sql(_ statement: String) throws -> String {
        switch backend {
        case .sqlite: try Tool.run("sqlite3", [target, statement])
        case .postgres: try Tool.run("psql", [target, "-v", "ON_ERROR_STOP=1", "-qAtc", statement])
        }
    }

    var crashWriterArguments: [String] {
        switch backend {
        case .sqlite: ["--sqlite", target]
        case .postgres: ["--postgres", target]
        }
    }
}

/// External programs the tests need. A missing tool fails the test with the package to install.
enum Tool {
    static func path(_ name: String) throws -> String {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories + ["/usr/bin"] {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        Issue.record("\(name) not found: install it (Debian: sqlite3 / postgresql; Tools/test does)")
        throw ToolError.missing(name)
    }

    @discardableResult
    static func run(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path(name))
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolError.failed(name, String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The helper executable built next to the test bundle.
    static func helper(_ name: String) throws -> URL {
        var directory = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        Issue.record("\(name) not built: run `swift build --build-tests` first")
        throw ToolError.missing(name)
    }
}

enum ToolError: Error {
    case missing(String)
    case failed(String, String)
}

/// Test data.
enum Sample {
    static let matricule = "297022602077883"
    static let wrongKeyMatricule = "297022602077800"

    static func traits(
        _ nom: String = "Dupont", _ prenoms: String = "Jean Pierre", sexe: String = "M",
        naissance: String = "1980-02-29", lieu: String? = "75056"
    ) throws -> Traits {
        try Traits(nomNaissance: nom, prenoms: prenoms, sexe: sexe, naissance: naissance, lieuNaissance: lieu)
    }

    static func call(operation: String = "RECSANSVITALE", code: String? = "00") -> INSiCallTrace {
        INSiCallTrace(
            mode: "tlsm", operation: operation, messageID: "uuid:\(UUID().uuidString)",
            requestXML: "<soap:Envelope><req/></soap:Envelope>",
            responseXML: "<soap:Envelope><CR>\(code ?? "")</CR></soap:Envelope>",
            resultCode: code, durationMilliseconds: 42)
    }

    static func result(
        matricule: String = Sample.matricule, confirmed: Bool = true, traits: NormalizedTraits? = nil
    ) -> INSiResult {
        INSiResult(
            call: call(), matricule: matricule, oid: INSOID.nirTest.rawValue, returnedTraits: traits,
            history: "<INSHISTO><Matricule>…</Matricule></INSHISTO>", operatorConfirmedTraits: confirmed)
    }
}
