import Foundation
import Hummingbird

/// What the REST API (another module) may read from the broker: the reader, the current session, the SSE card
/// stream. Nothing here changes state or exposes a token.
extension OpenIDProvider {
    /// The reader as the login page sees it (`state`, French `message`, `holder` when a card is present).
    public func cardStatus() async -> [String: Any] {
        await card.current.json
    }

    /// `text/event-stream` of card states, starting with the current one (same events as the login page).
    public func cardEventStream() async -> Response {
        await cardEvents()
    }

    /// The SSO session behind `grant`, if it is still the active one.
    public func session(for grant: AccessGrant) -> SSOSession? {
        guard let session = sessions.snapshot, session.id == grant.sessionID, !session.locked else { return nil }
        return session
    }

    /// The situation d'exercice in force, as the ID token carries it.
    public func situationClaims(_ session: SSOSession) -> [String: String] {
        guard let situation = session.situation else { return [:] }
        let pairs: [(String, String?)] = [
            ("codeProfession", situation.codeProfession),
            ("codeCategorieProfessionnelle", situation.codeCategorieProfessionnelle),
            ("codeSavoirFaire", situation.codeSavoirFaire), ("codeModeExercice", situation.codeModeExercice),
            ("codeSecteurDactivite", situation.codeSecteurDactivite), ("codeRole", situation.codeRole),
            ("raisonSocialeSite", situation.raisonSocialeSite),
            ("identifiantTechniqueDeLaStructure", situation.identifiantTechniqueDeLaStructure),
            ("numeroFinessSite", situation.numeroFinessSite), ("numeroSiretSite", situation.numeroSiretSite),
        ]
        var claims: [String: String] = [:]
        for (key, value) in pairs { if let value, !value.isEmpty { claims[key] = value } }
        return claims
    }

    /// `amr` values of the session's login method (RFC 8176).
    public func amr(_ session: SSOSession) -> [String] { session.amr }
}
