import Foundation

/// The fixture file: what the simulated RNIPP knows, and the IDAM numbers it accepts. Loaded at start-up; no
/// persona lives in Swift code.
struct Persona: Decodable, Sendable {
    struct INS: Decodable, Sendable {
        let numIdentifiant: String
        let cle: String
        let oid: String
        let typeMatricule: String?
        let dateDeb: String?
        let dateFin: String?
    }

    struct Identity: Decodable, Sendable {
        let label: String
        let nomNaissance: String
        /// Birth given names, space separated, as INSi returns them.
        let prenoms: String
        /// `ListePrenom` (default, live answers) or `Prenom`.
        let prenomsElement: String?
        let sexe: String
        let dateNaissance: String
        let lieuNaissance: String
        let ins: INS
        let inshisto: [INS]?
        /// `default` (RESULTAT as default namespace) or `prefixed` (`ns2:`).
        let style: String?
        /// `ins-first` (default) or `tiq-first`.
        let order: String?
        /// Carte Vitale of the ouvrant droit (13-character NIR body) for RECVITALE.
        let vitaleMatriculeOD: String?
    }

    let allowedIDAM: [String]
    let identities: [Identity]

    static func load(path: String) throws -> Persona {
        try JSONDecoder().decode(Persona.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
