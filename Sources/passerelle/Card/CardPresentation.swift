import CPS
import Foundation
import SmartCard

/// How card facts are shown: French captions for people, stable keys for `--json`.
enum CardPresentation {
    static func holderJSON(_ holder: CardHolder) -> [String: Any] {
        [
            "nationalId": holder.nationalID, "nationalIdKind": holder.nationalIDKind.rawValue,
            "familyName": holder.familyName, "givenName": holder.givenName,
            "profession": holder.profession ?? NSNull(), "subject": holder.subject,
        ]
    }

    static func pinJSON(_ status: PINStatus) -> [String: Any] {
        ["triesLeft": status.triesLeft, "maximumTries": status.maximumTries, "blocked": status.isBlocked]
    }

    static func holderRows(_ holder: CardHolder) -> [(String, String)] {
        [
            ("Identifiant national", "\(holder.nationalID) (\(kindLabel(holder.nationalIDKind)))"),
            ("Nom", holder.familyName), ("Prénom", holder.givenName), ("Profession", holder.profession ?? "—"),
        ]
    }

    static func kindLabel(_ kind: CardHolder.NationalIDKind) -> String {
        switch kind {
        case .rpps: return "RPPS"
        case .adeli: return "ADELI"
        case .finessEstablishment: return "FINESS"
        case .authorised: return "personne autorisée"
        case .other: return "autre"
        }
    }

    static func triesText(_ status: PINStatus) -> String {
        if status.isBlocked {
            return "carte bloquée (0 sur \(status.maximumTries))"
        }
        return "\(status.triesLeft) sur \(status.maximumTries)"
    }

    /// Parses 64 hexadecimal digits (spaces and colons allowed) into a SHA-256 digest.
    static func digest(hex: String) throws(AnyPasserelleError) -> [UInt8] {
        let clean = hex.filter { !$0.isWhitespace && $0 != ":" }
        guard clean.count == 64, clean.allSatisfy(\.isHexDigit) else {
            throw AnyPasserelleError(CardCommandError.badDigest("\(clean.count) characters"))
        }
        var bytes: [UInt8] = []
        var index = clean.startIndex
        while index < clean.endIndex {
            let next = clean.index(index, offsetBy: 2)
            guard let byte = UInt8(clean[index..<next], radix: 16) else {
                throw AnyPasserelleError(CardCommandError.badDigest("not hexadecimal"))
            }
            bytes.append(byte)
            index = next
        }
        return bytes
    }

    static func timestamp(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }
}
