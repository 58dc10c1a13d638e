import INS
import Testing

/// Exhaustive: every status × every attribute combination × every event has a pinned outcome.
@Suite("RNIV status machine")
struct RNIVStateTests {
    static let cni = EvidenceCatalogue.rnivDefault.kind(id: "cni")
    static let carteVitale = EvidenceCatalogue.rnivDefault.kind(id: "carte-vitale")

    static var allStates: [RNIVState] {
        let combinations: [Set<IdentityAttribute>] = [
            [], [.douteuse], [.fictive], [.homonyme], [.douteuse, .homonyme],
        ]
        return IdentityStatus.allCases.flatMap { status in
            combinations.map { RNIVState(status: status, attributes: $0) }
        }
    }

    static var events: [RNIVEvent] {
        RNIVEvent.representatives(documentKinds: [cni, carteVitale].compactMap { $0 })
    }

    /// The expected outcome, written from the RNIV rules independently of `apply`.
    enum Expected: Equatable {
        case status(IdentityStatus)
        case refusal(String)
    }

    static func expected(_ state: RNIVState, _ event: RNIVEvent) -> Expected {
        let blocker =
            state.attributes.contains(.douteuse)
            ? IdentityAttribute.douteuse
            : state.attributes.contains(.fictive) ? .fictive : nil
        let s = state.status
        switch event {
        case .insiCallRequested:
            return blocker == nil ? .status(s) : .refusal("rniv.insi-blocked")
        case .insiIdentityConfirmed:
            if blocker != nil { return .refusal("rniv.insi-blocked") }
            return .status(s == .provisoire || s == .recuperee ? .recuperee : .qualifiee)
        case .documentChecked(let kind):
            if !kind.isHighTrust { return .refusal("rniv.document-not-high-trust") }
            if blocker != nil { return .refusal("rniv.document-while-attribute") }
            return .status(s == .provisoire || s == .validee ? .validee : .qualifiee)
        case .traitsEdited(let againstDocument):
            return .status(againstDocument && (s == .validee || s == .qualifiee) ? .validee : .provisoire)
        case .verificationSucceeded:
            if s == .provisoire || s == .validee { return .refusal("rniv.nothing-to-verify") }
            if blocker != nil { return .refusal("rniv.insi-blocked") }
            return .status(s)
        case .verificationFailed:
            if s == .provisoire || s == .validee { return .refusal("rniv.nothing-to-verify") }
            if blocker != nil { return .refusal("rniv.insi-blocked") }
            return .status(s == .qualifiee ? .validee : .provisoire)
        case .attributeSet(let attribute):
            if state.attributes.contains(attribute) { return .refusal("rniv.attribute-already-set") }
            let combined = state.attributes.union([attribute])
            if combined.count > 1, combined != [.douteuse, .homonyme] {
                return .refusal("rniv.incompatible-attributes")
            }
            return .status(attribute == .homonyme ? s : .provisoire)
        case .attributeCleared(let attribute):
            return state.attributes.contains(attribute) ? .status(s) : .refusal("rniv.attribute-not-set")
        }
    }

    @Test("every status × attributes × event matches the RNIV rules")
    func exhaustive() {
        var checked = 0
        for state in Self.allStates {
            for event in Self.events {
                let outcome = state.apply(event)
                switch (outcome, Self.expected(state, event)) {
                case (.success(let transition), .status(let status)):
                    #expect(transition.to.status == status, "\(state) + \(event)")
                    #expect(transition.from == state)
                case (.failure(let refusal), .refusal(let code)):
                    #expect(refusal.code == code, "\(state) + \(event)")
                    #expect(!refusal.userMessage.isEmpty)
                default:
                    Issue.record("\(state) + \(event): got \(outcome), expected \(Self.expected(state, event))")
                }
                checked += 1
            }
        }
        #expect(checked == 20 * 14)
    }

    @Test("douteuse and fictive force PROV, void the INS and block INSi; douteuse goes to the work list")
    func blockingAttributes() throws {
        let qualified = RNIVState(status: .qualifiee)
        let doubtful = try qualified.apply(.attributeSet(.douteuse)).get()
        #expect(doubtful.to.status == .provisoire)
        #expect(doubtful.effects == [.invalidateINS, .addToWorkList(.douteuse)])
        #expect(throws: RNIVRefusal.insiBlocked(by: .douteuse)) { try doubtful.to.apply(.insiCallRequested).get() }
        let fictive = try RNIVState(status: .validee).apply(.attributeSet(.fictive)).get()
        #expect(fictive.to.status == .provisoire)
        #expect(fictive.effects.isEmpty)
    }

    @Test("homonyme is compatible with every status and keeps it")
    func homonyme() throws {
        for status in IdentityStatus.allCases {
            let transition = try RNIVState(status: status).apply(.attributeSet(.homonyme)).get()
            #expect(transition.to.status == status)
            #expect(transition.to.attributes == [.homonyme])
        }
    }

    @Test("only douteuse + homonyme may be combined")
    func combinations() {
        #expect(throws: RNIVRefusal.incompatibleAttributes(.fictive, .douteuse)) {
            try RNIVState(attributes: [.fictive]).apply(.attributeSet(.douteuse)).get()
        }
        #expect(throws: RNIVRefusal.incompatibleAttributes(.fictive, .homonyme)) {
            try RNIVState(attributes: [.fictive]).apply(.attributeSet(.homonyme)).get()
        }
    }

    @Test("editing a trait of a qualified identity drops the qualification and voids the INS")
    func traitsEditOnQual() throws {
        let transition = try RNIVState(status: .qualifiee).apply(.traitsEdited(againstDocument: false)).get()
        #expect(transition.to.status == .provisoire)
        #expect(transition.effects == [.invalidateINS, .addToWorkList(.qualificationLost)])
        let againstDocument = try RNIVState(status: .qualifiee).apply(.traitsEdited(againstDocument: true)).get()
        #expect(againstDocument.to.status == .validee)
    }

    @Test("a KO verification voids the INS and puts the identity on the work list")
    func verificationKO() throws {
        let transition = try RNIVState(status: .qualifiee).apply(.verificationFailed).get()
        #expect(transition.to.status == .validee)
        #expect(transition.effects == [.invalidateINS, .addToWorkList(.verificationKO)])
    }

    @Test("the happy paths: PROV → RECUP → QUAL and PROV → VALI → QUAL")
    func paths() throws {
        let cni = try #require(Self.cni)
        let viaINSi = try RNIVState().apply(.insiIdentityConfirmed).get().to.apply(.documentChecked(cni)).get().to
        #expect(viaINSi.status == .qualifiee)
        let viaDocument = try RNIVState().apply(.documentChecked(cni)).get().to.apply(.insiIdentityConfirmed).get().to
        #expect(viaDocument.status == .qualifiee)
    }
}

@Suite("Evidence kinds are data")
struct EvidenceCatalogueTests {
    @Test("the default list carries the RNIV documents and special cases")
    func defaults() {
        let ids = EvidenceCatalogue.rnivDefault.kinds.map(\.id)
        for id in [
            "cni", "passeport", "titre-sejour", "cni-ue", "e-cni", "identite-numerique-la-poste",
            "appli-carte-vitale", "livret-famille-parent",
        ] {
            #expect(ids.contains(id), "\(id)")
        }
    }

    @Test("a structure can replace the list; duplicates and empty lists are refused")
    func replace() throws {
        let custom = try EvidenceCatalogue(kinds: [EvidenceKind(id: "cni", label: "CNI", isHighTrust: true)])
        #expect(custom.kinds.count == 1)
        #expect(throws: EvidenceCatalogueError.duplicateIdentifier("a")) {
            try EvidenceCatalogue(kinds: [
                EvidenceKind(id: "a", label: "A", isHighTrust: true),
                EvidenceKind(id: "a", label: "B", isHighTrust: false),
            ])
        }
        #expect(throws: EvidenceCatalogueError.empty) { try EvidenceCatalogue(kinds: []) }
    }
}
