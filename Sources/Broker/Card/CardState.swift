import CPS

/// What the login page shows about the reader (pushed over SSE).
public enum CardState: Sendable, Equatable {
    case absent
    case reading
    case present(CardSummary)
    /// A card the broker cannot use (CPS4, contactless, unknown ATR, unreadable).
    case unusable(String)
    case serviceUnavailable

    /// The JSON object of the login page's SSE events and of `GET /api/v1/card`.
    public var json: [String: Any] {
        switch self {
        case .absent: ["state": "absent", "message": "Aucune carte dans le lecteur."]
        case .reading: ["state": "reading", "message": "Lecture de la carte…"]
        case .present(let card):
            [
                "state": "present", "message": "Carte de \(card.displayName) insérée.",
                "holder": card.displayName,
            ]
        case .unusable(let message): ["state": "unusable", "message": message]
        case .serviceUnavailable:
            ["state": "unavailable", "message": "Le service des lecteurs de carte ne répond pas."]
        }
    }
}

/// The holder as read from the inserted card, without a PIN.
public struct CardSummary: Sendable, Equatable {
    public let reader: String
    public let serial: String
    public let nationalID: String
    public let givenName: String
    public let familyName: String
    public let profession: String?

    var displayName: String { "\(givenName) \(familyName)".trimmingCharacters(in: .whitespaces) }
}
