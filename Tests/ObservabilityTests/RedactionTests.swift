import Foundation
import Logging
import Observability
import Testing

/// Whatever a caller passes, a log line never carries a PIN, a secret, a token or a full matricule.
@Suite struct RedactionTests {
    static func line(_ message: String, _ metadata: Logger.Metadata = [:]) throws -> [String: Any] {
        let text = RedactingLogHandler.jsonLine(label: "test", level: .info, message: message, metadata: metadata)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: ["pin", "PIN", "client_secret", "access_token", "refresh-token", "Authorization", "password"])
    func sensitiveKeysAreMaskedWhateverTheirValue(key: String) throws {
        let object = try Self.line("m", [key: "1234"])
        #expect(object[key] as? String == Redaction.mask)
    }

    @Test func jwtsBearerCredentialsAndMatriculesAreMaskedInFreeText() throws {
        let jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiI4OTk3MDAwMDAwMTMifQ.c2lnbmF0dXJl"
        let object = try Self.line(
            "token \(jwt) header Bearer abc.def-ghi for 285037505612306 and 1850275123456",
            ["detail": "sent \(jwt)", "nested": ["matricule": "285037505612306", "ok": "2A"]])
        let message = try #require(object["message"] as? String)
        #expect(!message.contains(jwt))
        #expect(!message.contains("abc.def-ghi"))
        #expect(!message.contains("285037505612306"))
        #expect(message.contains("2************06"))
        #expect(!message.contains("1850275123456"))
        #expect((object["detail"] as? String)?.contains("[redacted-jwt]") == true)
        let nested = try #require(object["nested"] as? [String: Any])
        #expect(nested["matricule"] as? String == Redaction.mask)
        #expect(nested["ok"] as? String == "2A")
    }

    @Test func corsicanMatriculesAreMaskedAndOrdinaryNumbersAreNot() {
        #expect(Redaction.scrub("nir 1850A2B12345678") == "nir 1850A2B12345678")
        #expect(Redaction.scrub("id 18502 2A 123") == "id 18502 2A 123")
        #expect(Redaction.scrub("x 285032A05612306 y") == "x 2************06 y")
        #expect(Redaction.scrub("port 4747, 2026-11-23, uuid 0195a3") == "port 4747, 2026-11-23, uuid 0195a3")
        #expect(Redaction.scrub("sequence 12345678901234567890") == "sequence 12345678901234567890")
    }

    @Test func textLinesAreRedactedTheSameWay() {
        let line = RedactingLogHandler.textLine(
            label: "t", level: .warning, message: "pin for 285037505612306", metadata: ["pin": "1234", "route": "/x"])
        #expect(line.contains("WARNING t: pin for 2************06 pin=[redacted] route=/x"))
        #expect(!line.contains("1234"))
    }

    @Test func linesAreOneJSONObjectWithLevelLoggerAndTimestamp() throws {
        let object = try Self.line("hello", ["requestId": "r-1"])
        #expect(object["level"] as? String == "info")
        #expect(object["logger"] as? String == "test")
        #expect(object["requestId"] as? String == "r-1")
        #expect((object["ts"] as? String)?.hasSuffix("Z") == true)
    }
}
