import CPS
import CPSTLS
import Foundation
import Testing

/// `openssl s_server` as an independent TLS peer: it requires a client certificate chaining to the TEST root.
@Suite("TLS client authentication with the card against openssl s_server")
struct OpenSSLServerTests {
    static func openssl() throws -> String {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(directory)/openssl"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "openssl missing: run Tools/test"])
    }

    @Test("s_server verifies the card certificate and the handshake is TLS 1.2, signed by the card")
    func handshake() async throws {
        let card = try CardTLSHandshakeTests.card("medecin-2")
        let identity = try await card.readIdentity()
        try await card.verifyPIN(try CardPIN(digits: "1234"))
        let server = Process()
        server.executableURL = URL(fileURLWithPath: try Self.openssl())
        server.arguments = [
            "s_server", "-accept", "0", "-naccept", "1", "-Verify", "2", "-verify_return_error",
            "-CAfile", TLSTestPeers.path("Certs/ca/trust-test-roots.pem"),
            "-cert", TLSTestPeers.path("Certs/servers/broker.cert.pem"),
            "-key", TLSTestPeers.path("Certs/servers/broker.key.pem"),
            "-cert_chain", TLSTestPeers.path("Certs/servers/broker.chain.pem"),
        ]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = out
        server.standardInput = Pipe()
        try server.run()
        defer {
            if server.isRunning {
                server.terminate()
            }
        }
        var text = ""
        var port: Int?
        while port == nil {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }),
                let value = line.split(separator: ":").last
            {
                port = Int(value.trimmingCharacters(in: .whitespaces))
            }
        }
        let signer = ProbeSigner(card.signer)
        let client = try await TLSTestPeers.clientHandshake(
            client: TLSTestPeers.clientConfiguration(identity: identity, signer: signer), port: try #require(port))
        #expect(client.version == .tlsv12)
        #expect(signer.onEventLoop == [false])
        server.waitUntilExit()
        text += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("899700000021"), "s_server shows the client certificate subject: \(text)")
        #expect(!text.contains("verify error"), "\(text)")
    }
}
