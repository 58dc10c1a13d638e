import ArgumentParser
import INS

/// The traits flags shared by every command that takes an identity (design.md §8).
struct TraitsOptions: ParsableArguments {
    @Option(name: .long, help: "Nom de naissance.")
    var nom: String

    @Option(name: .long, help: "Prénoms de naissance, space separated (quote them).")
    var prenoms: String

    @Option(name: .long, help: "Sexe: M or F.")
    var sexe: String

    @Option(name: .long, help: "Date de naissance YYYY-MM-DD (00 for an unknown day or month).")
    var naissance: String

    @Option(name: .long, help: "COG code of the birthplace (5 characters, 99xxx abroad).")
    var lieu: String?

    func traits() throws(TraitError) -> Traits {
        try Traits(nomNaissance: nom, prenoms: prenoms, sexe: sexe, naissance: naissance, lieuNaissance: lieu)
    }

    func normalizedTraits() throws(TraitError) -> NormalizedTraits {
        let typed = try traits()
        do { return try typed.normalized() } catch { throw .lexical(error) }
    }
}
