import CPS
import Foundation
import ProSanteConnect

/// PSC logins started from the login pages or `/oidc/ciba`, ending in the workstation's SSO session.
extension OpenIDProvider {
    func requirePSC() throws(LoginFailure) -> PSCClient {
        guard let psc else { throw .pscNotConfigured }
        return psc
    }

    /// Builds and installs the session; a card login must be the card holder's own PSC identity.
    @discardableResult
    func establishSession(_ login: PSCSession, method: LoginMethod, card: CardSummary?) throws(LoginFailure)
        -> SSOSession
    {
        let identity = login.identity
        if let card, card.nationalID != identity.subjectNameID {
            audit.record("login.card-mismatch", ["card": card.serial])
            throw .cardMismatch
        }
        let candidates = Situation.candidates(identity.subjectRefPro)
        let now = clock.now()
        let session = SSOSession(
            id: Secrets.token(), subject: identity.subjectNameID,
            givenName: identity.givenName ?? candidates.first?.prenomDexercice ?? card?.givenName,
            familyName: identity.familyName ?? candidates.first?.nomDexercice ?? card?.familyName,
            acr: identity.acr ?? "eidas1", method: method, cardSerial: card?.serial,
            authTime: identity.authTime ?? now, createdAt: now, lastActivity: now,
            situation: candidates.count == 1 ? candidates.first : nil, situationCandidates: candidates, psc: login)
        sessions.establish(session)
        return session
    }

    /// CIBA with the card holder's national id as `login_hint`, or a national id typed for e-CPS.
    func startCIBA(hint: String, channel: CIBAChannel) async throws(LoginFailure) -> CIBARequest {
        let psc = try requirePSC()
        do throws(PSCError) {
            return try await psc.startCIBA(loginHint: hint, channel: channel)
        } catch {
            throw LoginFailure.from(error)
        }
    }

    /// Waits for the PSC push in the background and moves the login transaction on.
    func waitCIBA(_ request: CIBARequest, transaction id: String, method: LoginMethod, card: CardSummary?) {
        guard let psc else { return }
        let task = Task { [self] in
            let phase: LoginTransaction.Phase
            do {
                let login = try await psc.waitForCIBA(request)
                phase = try await afterLogin(login, method: method, card: card)
            } catch let failure as LoginFailure {
                phase = .failed(failure)
            } catch let error as PSCError {
                phase = .failed(LoginFailure.from(error))
            } catch {
                phase = .failed(.other("\(error)"))
            }
            if case .failed(let failure) = phase {
                audit.record("login.failed", ["code": failure.code])
            }
            logins.setPhase(id, phase)
        }
        logins.attach(id, task: task)
    }

    /// A card login whose card left the reader meanwhile gets no session (the removal policy would end it).
    func afterLogin(_ login: PSCSession, method: LoginMethod, card: CardSummary?) async throws(LoginFailure)
        -> LoginTransaction.Phase
    {
        if let card, await self.card.presentCard?.serial != card.serial {
            throw .cardRemoved
        }
        let session = try establishSession(login, method: method, card: card)
        BrokerMetrics.login(method: method.rawValue, outcome: "success")
        return session.needsSituation ? .chooseSituation : .done
    }
}
