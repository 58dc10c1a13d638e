import Foundation
import ProSanteConnect

/// How the professional authenticated, for `amr` (RFC 8176 values where they exist).
public enum LoginMethod: String, Sendable, Codable {
    /// CPS card in the workstation reader, PIN checked by the card, then PSC.
    case cardPIN = "card+pin"
    /// e-CPS push (CIBA MOBILE) or PSC's own page without a local card.
    case eCPS = "e-cps"

    var amr: [String] {
        switch self {
        case .cardPIN: ["sc", "pin", "hwk"]
        case .eCPS: ["mca", "swk"]
        }
    }
}

/// The workstation's SSO session: who is logged in, how, and the chosen situation d'exercice.
public struct SSOSession: Sendable {
    public let id: String
    public let subject: String
    public let givenName: String?
    public let familyName: String?
    public let acr: String
    public let method: LoginMethod
    /// Serial of the card the session is bound to (card logins only).
    public let cardSerial: String?
    public let authTime: Date
    public let createdAt: Date
    public var lastActivity: Date
    public var situation: Situation?
    /// Every situation PSC returned; more than one means the professional must choose.
    public let situationCandidates: [Situation]
    public var locked: Bool = false
    /// The PSC login behind the session, for the explicit logout at PSC.
    let psc: PSCSession?

    var amr: [String] { method.amr }

    /// True while PSC returned several situations and none is chosen yet.
    var needsSituation: Bool { situation == nil && situationCandidates.count > 1 }
}

/// Why a session ended (audit and back-channel).
public enum SessionEndReason: String, Sendable {
    case logout
    case cardRemoved = "card-removed"
    case idleTimeout = "idle-timeout"
    case absoluteTimeout = "absolute-timeout"
    case replaced
}
