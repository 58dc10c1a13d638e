import Foundation
import Testing

@testable import ProSanteConnect

/// The byte-level JWS, base64url and claims readers of the validation fast path: each is checked against
/// Foundation (an independent implementation) and against the inputs it must refuse.
@Suite("Token parsing on the validation fast path")
struct TokenParsingTests {
    @Test("base64url decoding agrees with Foundation's base64 for every length up to 70")
    func base64URLRoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let standard = Data(bytes).base64EncodedString()
            let url = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(bytes) == url)
            #expect(Base64URL.decode(url) == Data(bytes))
        }
    }

    @Test(
        "base64url refuses padding, the classic alphabet, a dangling character and non-canonical last bits",
        arguments: ["QQ==", "QQ=", "+/8", "ab/c", "QUJD=", "Q", "QUJDR", "QR", "QUJ", "é", "QU J", "QU\nJ"])
    func base64URLRefusals(_ text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("base64url accepts the canonical spellings next to the refused ones")
    func base64URLCanonical() {
        #expect(Base64URL.decode("QQ") == Data("A".utf8))
        #expect(Base64URL.decode("QUI") == Data("AB".utf8))
        #expect(Base64URL.decode("QUJD") == Data("ABC".utf8))
        #expect(Base64URL.decode("") == Data())
    }

    static let names = ["iss", "aud", "exp", "crit"].map { Array($0.utf8) }

    func scan(_ json: String) throws(JSONObjectScanner.Failure) -> [JSONObjectScanner.Value?] {
        let bytes = Array(json.utf8)
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONObjectScanner.Failure) in
                try JSONObjectScanner.members(of: buffer, named: Self.names)
            }
        }
        return try result.get()
    }

    @Test("the scanner returns the members asked for, escapes resolved, and skips the rest")
    func scannerMembers() throws {
        let json = #"""
             {"\u0069ss" : "h\u00e9llo \ud83d\ude00 \"q\" \\ \/", "other": {"a": [1, -2.5e3, true, false, null, {}]},
              "aud": ["a", "b"], "exp": 1.7e9, "x": "\u0000é"}
            """#
        let values = try scan(json)
        #expect(values[0] == .string("héllo 😀 \"q\" \\ /"))
        #expect(values[1] == .strings(["a", "b"]))
        #expect(values[2] == .number(1.7e9))
        #expect(values[3] == nil)
        #expect(try scan("{}") == [nil, nil, nil, nil])
        #expect(try scan(#"{"aud": [1, "a"], "crit": null}"#) == [nil, .other, nil, .null])
    }

    @Test(
        "the scanner refuses malformed JSON",
        arguments: [
            "", "[]", "{", "{\"iss\"}", "{\"iss\":}", "{\"iss\":\"a\",}", "{\"iss\":\"a\"} x", "{\"iss\":'a'}",
            "{\"iss\":01}", "{\"iss\":1.}", "{\"iss\":-}", "{\"iss\":1e}", "{\"iss\":+1}", "{\"iss\":tru}",
            "{\"iss\":\"a\tb\"}", "{\"iss\":\"\\x\"}", "{\"iss\":\"\\ud800\"}", "{\"iss\":\"\\udc00\"}",
            "{\"iss\":\"\\u12\"}", "{\"o\":[1 2]}", "{\"o\":{\"a\" 1}}", "{\"o\":{1:2}}", "{\"iss\":\"a\" \"aud\":1}",
            "{\"o\":" + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}",
        ])
    func scannerRefusals(_ json: String) {
        #expect(throws: JSONObjectScanner.Failure.self) { try scan(json) }
    }

    @Test("invalid UTF-8 is refused even in a member nobody reads")
    func scannerInvalidUTF8() {
        let truncatedInValue: [UInt8] = [0x7B, 0x22, 0x6F, 0x22, 0x3A, 0x22, 0xC3, 0x22, 0x7D]
        let invalidInName: [UInt8] = [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]
        for bytes in [truncatedInValue, invalidInName] {
            let result = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(JSONObjectScanner.Failure) in
                    try JSONObjectScanner.members(of: buffer, named: Self.names)
                }
            }
            #expect(throws: JSONObjectScanner.Failure.self) { try result.get() }
        }
    }

    @Test("a claim that appears twice is refused, not resolved")
    func scannerDuplicate() {
        #expect(throws: JSONObjectScanner.Failure.duplicate("iss")) {
            try scan(#"{"iss": "https://good", "iss": "https://evil"}"#)
        }
        #expect(throws: JSONObjectScanner.Failure.duplicate("iss")) {
            try scan(#"{"iss": "https://good", "\u0069ss": "https://evil"}"#)
        }
    }

    static let claimPayloads: [String] = [
        #"{"iss":"i","sub":"s","aud":"c","exp":2000000000,"iat":1700000000}"#,
        #"{"iss":"i","sub":"s","aud":["c","d"],"exp":2e9,"iat":1.7e9,"nbf":1.7e9,"auth_time":1700000000,"nonce":"n","#
            + #""acr":"eidas1","azp":"c","sid":"x","SubjectNameID":"899700000013","extra":{"deep":[1,{"a":null}]}}"#,
        #"{"iss":"i","sub":"s","aud":"c","exp":2000000000,"iat":1700000000,"nonce":null,"acr":null,"SubjectNameID":5}"#,
        #"{"iss":"i","sub":"s","aud":"c","exp":2000000000,"iat":1700000000,"SubjectNameID":null}"#,
    ]

    @Test("claims read in one pass equal JSONDecoder's reading", arguments: 0..<claimPayloads.count)
    func claimsAgree(_ index: Int) throws {
        let payload = Data(Self.claimPayloads[index].utf8)
        let decoded = try JSONDecoder().decode(IDTokenClaims.self, from: payload)
        #expect(try IDTokenClaims(payload: payload) == decoded)
    }

    static let badClaims: [String] = [
        #"{"sub":"s","aud":"c","exp":2000000000,"iat":1700000000}"#,
        #"{"iss":"i","sub":"s","exp":2000000000,"iat":1700000000}"#,
        #"{"iss":"i","sub":"s","aud":"c","iat":1700000000}"#,
        #"{"iss":"i","sub":"s","aud":"c","exp":2000000000}"#,
        #"{"iss":1,"sub":"s","aud":"c","exp":2000000000,"iat":1700000000}"#,
        #"{"iss":"i","sub":"s","aud":[1],"exp":2000000000,"iat":1700000000}"#,
        #"{"iss":"i","sub":"s","aud":null,"exp":2000000000,"iat":1700000000}"#,
        #"{"iss":"i","sub":"s","aud":"c","exp":"2000000000","iat":1700000000}"#,
        #"{"iss":"i","sub":"s","aud":"c","exp":2000000000,"iat":1700000000,"nonce":7}"#,
        #"{"iss":"i","sub":"s","aud":"c","exp":2000000000,"iat":1700000000,"acr":["eidas1"]}"#,
        #"{"iss":null,"sub":"s","aud":"c","exp":2000000000,"iat":1700000000}"#,
        #"["iss"]"#,
    ]

    @Test("claims JSONDecoder refuses are refused too, with a typed error", arguments: 0..<badClaims.count)
    func claimsRefused(_ index: Int) {
        let payload = Data(Self.badClaims[index].utf8)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(IDTokenClaims.self, from: payload) }
        #expect(throws: PSCError.self) { try IDTokenClaims(payload: payload) }
    }

    @Test("JOSE header: alg required, kid and typ strings, any crit refused")
    func header() throws {
        func jws(_ header: String) throws(PSCError) -> CompactJWS {
            try CompactJWS(Base64URL.encode(Array(header.utf8)) + ".e30.AA")
        }
        let parsed = try jws(#"{"alg":"RS256","kid":"k1","typ":"JWT","x5t":"ignored"}"#)
        #expect(parsed.header.alg == "RS256")
        #expect(parsed.header.kid == "k1")
        #expect(parsed.signingInput.hasSuffix(".e30"))
        for bad in [#"{"kid":"k"}"#, #"{"alg":1}"#, #"{"alg":"RS256","kid":2}"#, #"{"alg":"RS256","crit":["b64"]}"#] {
            #expect(throws: PSCError.self) { try jws(bad) }
        }
    }
}
