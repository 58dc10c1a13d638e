/// A node of the card's ISO 7816-4 file system: a dedicated file (directory, possibly an application with an AID)
/// or a transparent elementary file.
public final class CardFile: Sendable {
    public enum Kind: Sendable {
        case dedicated(children: [CardFile])
        case elementary(content: [UInt8])
    }

    public let fileID: UInt16?
    public let applicationID: [UInt8]?
    public let shortFileID: UInt8?
    public let kind: Kind

    public init(fileID: UInt16?, applicationID: [UInt8]? = nil, shortFileID: UInt8? = nil, kind: Kind) {
        self.fileID = fileID
        self.applicationID = applicationID
        self.shortFileID = shortFileID
        self.kind = kind
    }

    public static func dedicated(_ fileID: UInt16?, aid: [UInt8]? = nil, children: [CardFile]) -> CardFile {
        CardFile(fileID: fileID, applicationID: aid, kind: .dedicated(children: children))
    }

    public static func elementary(_ fileID: UInt16, sfi: UInt8? = nil, content: [UInt8]) -> CardFile {
        CardFile(fileID: fileID, shortFileID: sfi, kind: .elementary(content: content))
    }

    public var children: [CardFile] {
        if case .dedicated(let children) = kind {
            return children
        }
        return []
    }

    public var content: [UInt8]? {
        if case .elementary(let content) = kind {
            return content
        }
        return nil
    }

    public var isDedicated: Bool { content == nil }

    func child(fileID: UInt16) -> CardFile? {
        children.first { $0.fileID == fileID }
    }

    func child(shortFileID: UInt8) -> CardFile? {
        children.first { $0.shortFileID == shortFileID }
    }

    /// Depth-first search for an application by AID (IAS-ECC applications sit under the MF).
    func application(aid: [UInt8]) -> CardFile? {
        if applicationID == aid {
            return self
        }
        for child in children {
            if let found = child.application(aid: aid) {
                return found
            }
        }
        return nil
    }

    /// Minimal FCP template (`62`): file id, size or DF name, so clients can size their reads.
    var controlParameters: [UInt8] {
        var body: [UInt8] = []
        if let content {
            body += DER.tlv(0x80, [UInt8(content.count >> 8), UInt8(content.count & 0xFF)])
            body += DER.tlv(0x82, [0x01])
        } else {
            body += DER.tlv(0x82, [0x38])
        }
        if let fileID {
            body += DER.tlv(0x83, [UInt8(fileID >> 8), UInt8(fileID & 0xFF)])
        }
        if let applicationID {
            body += DER.tlv(0x84, applicationID)
        }
        // Life cycle "operational, activated", and IAS-ECC access rules (`A1` › `8C`): EFs readable without
        // condition, nothing else allowed; OpenSC's IAS-ECC driver refuses an FCP without them.
        body += DER.tlv(0x8A, [0x05])
        body += DER.tlv(0xA1, DER.tlv(0x8C, content == nil ? [0x00] : [0x01, 0x00]))
        return DER.tlv(0x62, body)
    }
}
