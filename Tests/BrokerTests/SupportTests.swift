import Foundation
import ProSanteConnect
import Testing

@testable import Broker

@Suite("Support: base64url, secrets")
struct SupportTests {
    @Test("the table-driven base64url agrees with Foundation's base64 for every length 0…64")
    func base64url() {
        for length in 0...64 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255) }
            let reference = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == reference)
            #expect(Base64URL.decode(reference) == Data(bytes))
        }
    }

    @Test("tokens are 43 characters of base64url and never repeat; secrets verify against their hash only")
    func tokensAndSecrets() {
        let tokens = Set((0..<1000).map { _ in Secrets.token() })
        #expect(tokens.count == 1000)
        #expect(tokens.allSatisfy { $0.count == 43 && Base64URL.decode($0)?.count == 32 })
        let (secret, hash) = SecretHash.generate()
        #expect(SecretHash.verify(secret, against: hash))
        #expect(!SecretHash.verify(secret + "x", against: hash))
        #expect(!hash.contains(secret))
        #expect(SecretHash.hash(secret) != hash)
    }
}
