import INS

/// The CNDA search strategy (spec §4): one call per birth given name in order, stopping at the first usable
/// `00`; then all names joined; on `02`, more given names, then the COG.
extension INSiClient {
    /// Normalises the traits (refusing them before any network call) and runs the strategy.
    public func search(_ traits: Traits, operatorID: String? = nil) async throws(INSiError) -> INSiSearchOutcome {
        let normalized: NormalizedTraits
        do { normalized = try traits.normalized() } catch { throw .invalidTraits(.lexical(error)) }
        return try await search(normalized, operatorID: operatorID)
    }

    public func search(_ traits: NormalizedTraits, operatorID: String? = nil) async throws(INSiError)
        -> INSiSearchOutcome
    {
        var runner = StrategyRun(traits: traits)
        let names = traits.prenomList
        let all = names.joined(separator: " ")
        var sawMultiple = false
        for name in names {
            let answer = try await runner.run(
                TraitsQuery(traits: traits, prenom: name, includeBirthplace: false), self, operatorID)
            if let found = answer.found { return runner.outcome(.found(found)) }
            if answer.code == .multiple {
                sawMultiple = true
                break
            }
        }
        if names.count > 1 {
            let joined = TraitsQuery(traits: traits, prenom: all, includeBirthplace: false)
            if !runner.tried(joined) {
                let answer = try await runner.run(joined, self, operatorID)
                if let found = answer.found { return runner.outcome(.found(found)) }
                sawMultiple = sawMultiple || answer.code == .multiple
            }
        }
        if sawMultiple, traits.lieuNaissance != nil {
            let withPlace = TraitsQuery(traits: traits, prenom: all, includeBirthplace: true)
            let answer = try await runner.run(withPlace, self, operatorID)
            if let found = answer.found { return runner.outcome(.found(found)) }
            sawMultiple = answer.code == .multiple
        }
        return runner.outcome(sawMultiple ? .multiple : .notFound)
    }
}

/// The calls of one strategy run and the rule for what counts as found.
private struct StrategyRun {
    let traits: NormalizedTraits
    var attempts: [INSiSearchOutcome.Attempt] = []

    struct Step {
        let code: INSiAnswer.Code
        let found: INSiIndividu?
    }

    func tried(_ query: TraitsQuery) -> Bool { attempts.contains { $0.query == query } }

    mutating func run(_ query: TraitsQuery, _ client: INSiClient, _ operatorID: String?) async throws(INSiError)
        -> Step
    {
        let answer = try await client.call(query, operatorID: operatorID)
        var discarded: String?
        var found: INSiIndividu?
        if answer.code == .found, let individu = answer.individu {
            if individu.traits.nomNaissance != traits.nomNaissance {
                discarded = "nom de naissance returned differs from the one sent"
            } else if individu.traits.lieuNaissance == nil {
                discarded = "LieuNaissance missing from TIQ"
            } else {
                found = individu
            }
        }
        attempts.append(.init(query: query, codeCR: answer.codeCR, discardedBecause: discarded))
        return Step(code: answer.code, found: found)
    }

    func outcome(_ result: INSiSearchOutcome.Result) -> INSiSearchOutcome {
        INSiSearchOutcome(result: result, attempts: attempts)
    }
}
