import Foundation

/// The set of virtual cards, loaded from a JSON description so the test PKI can be swapped without code changes.
///
/// Two shapes are read (paths relative to the JSON file, or to its parent folder):
/// - the test PKI's `Certs/cards/cards.json`: `{"professionals":[{"key":"medecin-1","nationalId":"899700000013",
///   "files":{"auth":{"certificateDer":"cards/….der","privateKeyPem":"cards/….pem"}}}]}`;
/// - a flat one: `{"cards":[{"id":"kit","serial":"0012345678","pin":"1234","certificate":"kit.crt","privateKey":"kit.key"}]}`.
/// Optional per card: `pin` (default 1234), `serial` (default: the last 10 digits of the national id), `actua` (hex).
public struct CardCatalog: Sendable {
    public var cards: [VirtualCardContent]

    public init(cards: [VirtualCardContent]) {
        self.cards = cards
    }

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    public static func load(from url: URL) throws -> CardCatalog {
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LoadError(description: "\(url.path): top level must be an object with a \"cards\" array")
        }
        let entries = (root["cards"] as? [[String: Any]]) ?? (root["professionals"] as? [[String: Any]]) ?? []
        guard !entries.isEmpty else {
            throw LoadError(description: "\(url.path): no cards")
        }
        let base = url.deletingLastPathComponent()
        var cards: [VirtualCardContent] = []
        for (index, entry) in entries.enumerated() {
            cards.append(try card(entry, index: index, base: base))
        }
        return CardCatalog(cards: cards)
    }

    private static func card(_ entry: [String: Any], index: Int, base: URL) throws -> VirtualCardContent {
        let auth = (entry["files"] as? [String: Any])?["auth"] as? [String: Any] ?? [:]
        func string(_ keys: String...) -> String? {
            for key in keys {
                if let value = auth[key] as? String {
                    return value
                }
                if let value = entry[key] as? String {
                    return value
                }
                if let value = entry[key] as? Int {
                    return String(value)
                }
            }
            return nil
        }
        guard let certificatePath = string("certificateDer", "certificatePem", "certificate", "certificateFile"),
            let keyPath = string("privateKeyPem", "keyFile", "privateKey", "keyPem")
        else {
            throw LoadError(description: "card #\(index): certificate and key paths are required")
        }
        let certificateURL = resolve(certificatePath, base: base)
        guard let der = CertificateFile.der(fromPEMOrDER: try Data(contentsOf: certificateURL)) else {
            throw LoadError(description: "card #\(index): \(certificatePath) is not a PEM or DER certificate")
        }
        let keyPEM = try String(contentsOf: resolve(keyPath, base: base), encoding: .utf8)
        let id = (entry["id"] as? String) ?? (auth.isEmpty ? nil : entry["key"] as? String) ?? "card\(index + 1)"
        let nationalDigits = ((entry["nationalId"] as? String) ?? "").filter(\.isNumber)
        let serial =
            (entry["serial"] as? String)
            ?? (nationalDigits.count >= 10
                ? String(nationalDigits.suffix(10)) : String(format: "%010d", 1_000_000 + index))
        var content = VirtualCardContent(
            id: id, serial: serial, certificateDER: der, privateKeyPEM: keyPEM, pin: string("pin") ?? "1234")
        if let actua = string("actua"), let bytes = hexBytes(actua) {
            content.actua = bytes
        }
        return content
    }

    /// Paths in the PKI's JSON are relative to `Certs/`, one level above the file; flat files use their own folder.
    private static func resolve(_ path: String, base: URL) -> URL {
        let local = URL(fileURLWithPath: path, relativeTo: base)
        if FileManager.default.fileExists(atPath: local.path) {
            return local
        }
        return URL(fileURLWithPath: path, relativeTo: base.deletingLastPathComponent())
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        let clean = text.filter(\.isHexDigit)
        guard clean.count % 2 == 0 else {
            return nil
        }
        var bytes: [UInt8] = []
        var index = clean.startIndex
        while index < clean.endIndex {
            let next = clean.index(index, offsetBy: 2)
            guard let byte = UInt8(clean[index..<next], radix: 16) else {
                return nil
            }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
