/// What can happen to an identity in the RNIV workflow. The state machine decides what each event does.
public enum RNIVEvent: Hashable, Sendable {
    /// Someone wants to call INSi (search or verification) for this identity.
    case insiCallRequested
    /// INSi answered 00 and the operator confirmed the returned traits with the person (or, for a validated
    /// identity, found them consistent with the document already checked).
    case insiIdentityConfirmed
    /// The identity was checked on a document of the given kind.
    case documentChecked(EvidenceKind)
    /// One of the five traits changed. `againstDocument` is true when the change was made while reading a
    /// high-trust document again (the document check then still holds for the new traits).
    case traitsEdited(againstDocument: Bool)
    /// A later INSi verification matched the stored INS.
    case verificationSucceeded
    /// A later INSi verification did not match: the INS can no longer be trusted.
    case verificationFailed
    case attributeSet(IdentityAttribute)
    case attributeCleared(IdentityAttribute)

    /// One representative of every event shape, for exhaustive tests and documentation tables.
    public static func representatives(documentKinds: [EvidenceKind]) -> [RNIVEvent] {
        var events: [RNIVEvent] = [
            .insiCallRequested, .insiIdentityConfirmed, .traitsEdited(againstDocument: true),
            .traitsEdited(againstDocument: false), .verificationSucceeded, .verificationFailed,
        ]
        events += documentKinds.map(RNIVEvent.documentChecked)
        events += IdentityAttribute.allCases.map(RNIVEvent.attributeSet)
        events += IdentityAttribute.allCases.map(RNIVEvent.attributeCleared)
        return events
    }
}
