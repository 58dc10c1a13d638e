/// The RNIV state of one identity — status plus attributes — and its transition function.
///
/// `apply` is total and pure: every event returns either the next state with the side effects the caller must
/// carry out (void the stored INS, put the identity on a work list…), or a typed refusal; never a crash, never
/// a silent no-op.
public struct RNIVState: Hashable, Sendable, Codable {
    public private(set) var status: IdentityStatus
    public private(set) var attributes: Set<IdentityAttribute>

    public init(status: IdentityStatus = .provisoire, attributes: Set<IdentityAttribute> = []) {
        self.status = status
        self.attributes = attributes
    }

    /// What the caller must do besides storing the new state.
    public enum Effect: Hashable, Sendable {
        /// Forget matricule + OID (or mark them unusable): the identity may no longer carry an INS.
        case invalidateINS
        /// Put the identity on the referent's work list with this reason.
        case addToWorkList(WorkListReason)
    }

    public enum WorkListReason: String, Hashable, Sendable, Codable {
        case verificationKO = "verification-ko"
        case douteuse
        case qualificationLost = "qualification-lost"
    }

    public struct Transition: Hashable, Sendable {
        public let from: RNIVState
        public let to: RNIVState
        public let effects: [Effect]
        /// English, for the audit log.
        public let reason: String
    }

    /// The attribute that forbids INSi calls, if any.
    public var insiBlocker: IdentityAttribute? {
        attributes.filter(\.blocksINSi).min()
    }

    public func apply(_ event: RNIVEvent) -> Result<Transition, RNIVRefusal> {
        switch event {
        case .insiCallRequested:
            if let blocker = insiBlocker { return .failure(.insiBlocked(by: blocker)) }
            return .success(transition(to: status, effects: [], reason: "INSi call allowed"))

        case .insiIdentityConfirmed:
            if let blocker = insiBlocker { return .failure(.insiBlocked(by: blocker)) }
            let next = IdentityStatus(retrievedFromINSi: true, checkedOnDocument: status.checkedOnDocument)
            return .success(transition(to: next, effects: [], reason: "INSi identity confirmed"))

        case .documentChecked(let kind):
            guard kind.isHighTrust else { return .failure(.documentNotHighTrust(kind)) }
            if let blocker = insiBlocker { return .failure(.documentWhileAttribute(blocker)) }
            let next = IdentityStatus(retrievedFromINSi: status.retrievedFromINSi, checkedOnDocument: true)
            return .success(transition(to: next, effects: [], reason: "identity checked on document \(kind.id)"))

        case .traitsEdited(let againstDocument):
            // A changed trait no longer matches what INSi returned; the document check holds only if the
            // change was made against the document.
            let next = IdentityStatus(
                retrievedFromINSi: false, checkedOnDocument: againstDocument && status.checkedOnDocument)
            var effects: [Effect] = status.retrievedFromINSi ? [.invalidateINS] : []
            if status == .qualifiee { effects.append(.addToWorkList(.qualificationLost)) }
            return .success(
                transition(to: next, effects: effects, reason: "traits edited in status \(status.rawValue)"))

        case .verificationSucceeded:
            guard status.retrievedFromINSi else { return .failure(.nothingToVerify(status)) }
            if let blocker = insiBlocker { return .failure(.insiBlocked(by: blocker)) }
            return .success(transition(to: status, effects: [], reason: "INSi verification OK"))

        case .verificationFailed:
            guard status.retrievedFromINSi else { return .failure(.nothingToVerify(status)) }
            if let blocker = insiBlocker { return .failure(.insiBlocked(by: blocker)) }
            let next = IdentityStatus(retrievedFromINSi: false, checkedOnDocument: status.checkedOnDocument)
            return .success(
                transition(
                    to: next, effects: [.invalidateINS, .addToWorkList(.verificationKO)], reason: "INSi verification KO"
                ))

        case .attributeSet(let attribute):
            guard !attributes.contains(attribute) else { return .failure(.attributeAlreadySet(attribute)) }
            if let clash = attributes.first(where: { !IdentityAttribute.mayCombine($0, attribute) }) {
                return .failure(.incompatibleAttributes(clash, attribute))
            }
            var next = self
            next.attributes.insert(attribute)
            var effects: [Effect] = []
            if attribute.blocksINSi {
                next.status = .provisoire
                if status.retrievedFromINSi { effects.append(.invalidateINS) }
                if attribute == .douteuse { effects.append(.addToWorkList(.douteuse)) }
            }
            return .success(
                Transition(from: self, to: next, effects: effects, reason: "attribute \(attribute.rawValue) set"))

        case .attributeCleared(let attribute):
            guard attributes.contains(attribute) else { return .failure(.attributeNotSet(attribute)) }
            var next = self
            next.attributes.remove(attribute)
            return .success(
                Transition(from: self, to: next, effects: [], reason: "attribute \(attribute.rawValue) cleared"))
        }
    }

    private func transition(to status: IdentityStatus, effects: [Effect], reason: String) -> Transition {
        var next = self
        next.status = status
        return Transition(from: self, to: next, effects: effects, reason: reason)
    }
}
