/// The PKCS#15 objects the CPS module needs: where things are (ODF), the certificates (CDF), the private keys (PrKDF)
/// and the PIN (AODF). Only the fields we use are decoded; unknown fields are skipped.
struct PKCS15ObjectDirectory: Sendable, Hashable {
    var privateKeys: [UInt8]?
    var certificates: [UInt8]?
    var authenticationObjects: [UInt8]?

    init(_ bytes: [UInt8]) throws(CPSError) {
        for element in try BERTLV.parse(bytes) {
            let path = try PKCS15Path.first(in: element)
            switch element.tag {
            case [0xA0], [0xA1]: privateKeys = privateKeys ?? path
            case [0xA4], [0xA5]: certificates = certificates ?? path
            case [0xA8]: authenticationObjects = authenticationObjects ?? path
            default: continue
            }
        }
    }
}

/// An X.509 certificate entry of the CDF.
struct PKCS15Certificate: Sendable, Hashable {
    var label: String
    var id: [UInt8]
    var path: [UInt8]

    static func parseAll(_ bytes: [UInt8]) throws(CPSError) -> [PKCS15Certificate] {
        var certificates: [PKCS15Certificate] = []
        for entry in try BERTLV.parse(bytes) where entry.tag == [0x30] {
            let parts = try entry.children()
            guard parts.count >= 3 else {
                throw .malformedCardData("CDF entry with \(parts.count) parts")
            }
            let label = try PKCS15Common.label(parts[0])
            let id = try parts[1].children().first { $0.tag == [0x04] }?.value ?? []
            guard let typeAttributes = parts.first(where: { $0.tag == [0xA1] }),
                let path = try PKCS15Path.first(in: typeAttributes)
            else {
                throw .malformedCardData("CDF entry without a path (direct values unsupported)")
            }
            certificates.append(PKCS15Certificate(label: label, id: id, path: path))
        }
        return certificates
    }
}

/// A private RSA key entry of the PrKDF.
struct PKCS15PrivateKey: Sendable, Hashable {
    var label: String
    var id: [UInt8]
    var reference: UInt8?
    var modulusBits: Int?

    static func parseAll(_ bytes: [UInt8]) throws(CPSError) -> [PKCS15PrivateKey] {
        var keys: [PKCS15PrivateKey] = []
        for entry in try BERTLV.parse(bytes) where entry.tag == [0x30] {
            let parts = try entry.children()
            guard parts.count >= 2 else {
                throw .malformedCardData("PrKDF entry with \(parts.count) parts")
            }
            let common = try parts[1].children()
            let id = common.first { $0.tag == [0x04] }?.value ?? []
            let reference = common.first { $0.tag == [0x02] }.map { UInt8(truncatingIfNeeded: $0.integerValue) }
            var modulus: Int?
            if let type = parts.first(where: { $0.tag == [0xA1] }), let inner = try type.children().first {
                modulus = try inner.children().first { $0.tag == [0x02] }?.integerValue
            }
            keys.append(
                PKCS15PrivateKey(
                    label: try PKCS15Common.label(parts[0]), id: id, reference: reference, modulusBits: modulus))
        }
        return keys
    }
}

/// The PIN attributes of the AODF: what VERIFY must carry.
struct PKCS15PIN: Sendable, Hashable {
    var label: String
    var reference: UInt8
    var minimumLength: Int
    var storedLength: Int
    var padding: UInt8?

    static func parseAll(_ bytes: [UInt8]) throws(CPSError) -> [PKCS15PIN] {
        var pins: [PKCS15PIN] = []
        for entry in try BERTLV.parse(bytes) where entry.tag == [0x30] {
            let parts = try entry.children()
            guard let type = parts.first(where: { $0.tag == [0xA1] }), let attributes = try type.children().first
            else {
                continue
            }
            let fields = try attributes.children()
            let integers = fields.filter { $0.tag == [0x02] }.map(\.integerValue)
            guard integers.count >= 2 else {
                throw .malformedCardData("AODF PIN without lengths")
            }
            let reference = fields.first { $0.tag == [0x80] }.map { UInt8(truncatingIfNeeded: $0.integerValue) }
            pins.append(
                PKCS15PIN(
                    label: try PKCS15Common.label(parts[0]),
                    reference: reference ?? CPSConstants.defaultPINReference,
                    minimumLength: integers[0], storedLength: integers[1],
                    padding: fields.first { $0.tag == [0x04] }?.value.first))
        }
        return pins
    }
}

enum PKCS15Common {
    static func label(_ commonObjectAttributes: BERTLV) throws(CPSError) -> String {
        guard let label = try commonObjectAttributes.children().first(where: { $0.tag == [0x0C] }) else {
            return ""
        }
        return String(decoding: label.value, as: UTF8.self)
    }
}

enum PKCS15Path {
    /// The first `Path` (SEQUENCE { OCTET STRING … }) found under `element`.
    static func first(in element: BERTLV) throws(CPSError) -> [UInt8]? {
        for child in try element.children() where child.tag == [0x30] {
            let inner = try child.children()
            if let octets = inner.first, octets.tag == [0x04] {
                return octets.value
            }
            if let nested = try first(in: child) {
                return nested
            }
        }
        return nil
    }
}
