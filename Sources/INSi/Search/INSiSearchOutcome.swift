import INS

/// The result of the search strategy, with every call it made (the referent sees which query matched).
public struct INSiSearchOutcome: Sendable, Hashable {
    public enum Result: Sendable, Hashable {
        /// CR 00 with complete traits and the exact nom de naissance. Check `individu.hasKeyMismatch` before
        /// storing anything: `identifier` is nil when the returned key is wrong.
        case found(INSiIndividu)
        case notFound
        case multiple
    }

    public struct Attempt: Sendable, Hashable {
        public let query: TraitsQuery
        public let codeCR: String
        /// Why a CR 00 did not count, if it did not.
        public let discardedBecause: String?
    }

    public let result: Result
    public let attempts: [Attempt]

    public var individu: INSiIndividu? {
        if case .found(let individu) = result { return individu }
        return nil
    }

    /// The INS to store: only when found **and** the returned key is right.
    public var identifier: INSIdentifier? {
        guard let individu, !individu.hasKeyMismatch else { return nil }
        return individu.active.identifier
    }
}
