import CPS
import Foundation
import Hummingbird
import ProSanteConnect

/// The login pages: card status, PIN (only here), PSC by CIBA or browser, CIBA wait, situation, errors.
extension OpenIDProvider {
    /// `GET /login?tx=…`; without `tx`, a login not started by an app.
    func loginPage(_ request: Request) async -> Response {
        let query = FormBody(request.uri.query ?? "")
        guard let id = query["tx"], let transaction = logins.get(id) else {
            if query["tx"] != nil { return failurePage(.unknownTransaction, transaction: nil) }
            return loginRedirect(logins.create(nil), path: "/login")
        }
        switch transaction.phase {
        case .start:
            return await startPage(transaction, failure: nil)
        case .failed(let failure):
            logins.setPhase(transaction.id, .start)
            return await startPage(transaction, failure: failure)
        case .pscBrowser, .ciba:
            return waitPage(transaction)
        case .chooseSituation, .done:
            return continueLogin(transaction)
        }
    }

    private func startPage(_ transaction: LoginTransaction, failure: LoginFailure?) async -> Response {
        let state = await card.current
        var values: [String: Any] = [
            "tx": transaction.id, "csrf": transaction.csrf,
            "cardMessage": state.json["message"] as? String ?? "", "ciba": settings.loginMethod == .ciba,
        ]
        if let clientID = transaction.authorize?.clientID { values["app"] = registry.app(clientID)?.name ?? clientID }
        if let failure { values["failure"] = failure.userMessage }
        if sessions.snapshot?.locked == true { values["locked"] = true }
        if case .present = state {
            values["cardPresent"] = true
            if let status = try? await card.pinStatus() {
                values["triesLeft"] = status.triesLeft
                if status.isLastTry { values["lastTry"] = true }
                if status.isBlocked {
                    values["cardPresent"] = false
                    values["failure"] = LoginFailure.cardBlocked.userMessage
                }
            }
        }
        return pages.render(
            "login", title: "Connexion Pro Santé Connect", values: values, script: Templates.cardScript)
    }

    private func waitPage(_ transaction: LoginTransaction) -> Response {
        guard case .ciba(let binding, let expiresAt) = transaction.phase else {
            return pages.message(
                "Terminez la connexion dans la fenêtre Pro Santé Connect.", title: "Connexion en cours", isError: false)
        }
        let seconds = max(0, Int(expiresAt.timeIntervalSince(clock.now())))
        return pages.render(
            "wait", title: "Validez la connexion",
            values: [
                "tx": transaction.id, "csrf": transaction.csrf, "binding": binding, "seconds": seconds,
                "channel": "sur votre carte ou votre application e-CPS",
            ], script: Templates.countdownScript, refresh: 2)
    }

    /// Where a transaction goes once its phase moves on: situation choice, code back to the app, or a message.
    func continueLogin(_ transaction: LoginTransaction) -> Response {
        guard let session = sessions.active() else {
            return failurePage(.expired, transaction: transaction)
        }
        if session.needsSituation {
            return Replies.redirect("/login/situation?tx=\(transaction.id)")
        }
        logins.setPhase(transaction.id, .done)
        guard let authorization = transaction.authorize else {
            return pages.message(
                "Vous êtes connecté. Vous pouvez fermer cette fenêtre.", title: "Connexion réussie", isError: false)
        }
        return issueCode(authorization, session: session)
    }

    func failurePage(_ failure: LoginFailure, transaction: LoginTransaction?) -> Response {
        BrokerMetrics.login(method: "page", outcome: failure.code)
        return pages.message(
            failure.userMessage, title: "Connexion impossible", isError: true,
            retry: transaction.map { "/login?tx=\($0.id)" }, status: .ok)
    }

    /// Reads a page form and checks transaction, cookie and CSRF token.
    func checkedPageForm(_ request: Request) async throws(BrokerError) -> (FormBody, LoginTransaction) {
        var request = request
        let form: FormBody
        do {
            form = FormBody(String(buffer: try await request.collectBody(upTo: 16 * 1024)))
        } catch {
            throw .badRequest("unreadable form")
        }
        guard let id = form["tx"], let transaction = logins.get(id), let csrf = form["csrf"],
            Secrets.constantTimeEquals(csrf, transaction.csrf), let cookie = LoginCookie.value(request),
            Secrets.constantTimeEquals(cookie, transaction.cookieSecret)
        else { throw .csrfMismatch }
        return (form, transaction)
    }

    /// `POST /login/pin`: the PIN goes to the card once, then PSC (CIBA with the holder id, or the browser).
    func submitPIN(_ request: Request) async throws(BrokerError) -> Response {
        try pinLimiter.check("pin")
        let (form, transaction) = try await checkedPageForm(request)
        let confirm = form["confirm_last_try"] == "yes"
        let summary: CardSummary
        do throws(CPSError) {
            let pin = try CardPIN(digits: form["pin"] ?? "")
            summary = try await card.verifyPIN(pin, confirmLastTry: confirm)
        } catch {
            audit.record("login.pin-refused", ["code": error.code])
            logins.setPhase(transaction.id, .failed(LoginFailure.from(error)))
            return Replies.redirect("/login?tx=\(transaction.id)")
        }
        audit.record("login.pin-verified", ["card": summary.serial])
        if sessions.unlock(cardSerial: summary.serial) {
            return continueLogin(transaction)
        }
        let method = PSCLoginMethod(rawValue: form["method"] ?? "") ?? settings.loginMethod
        do throws(LoginFailure) {
            switch method {
            case .ciba:
                let started = try await startCIBA(hint: summary.nationalID, channel: .card)
                logins.setPhase(
                    transaction.id, .ciba(binding: started.bindingMessage, expiresAt: started.expiresAt))
                waitCIBA(started, transaction: transaction.id, method: .cardPIN, card: summary)
                return Replies.redirect("/login?tx=\(transaction.id)")
            case .browser:
                let psc = try requirePSC()
                let begun: AuthorizationRequest
                do throws(PSCError) {
                    begun = try await psc.beginLogin(redirectURI: pscRedirectURI)
                } catch {
                    throw LoginFailure.from(error)
                }
                logins.setPhase(transaction.id, .pscBrowser(pscState: begun.state))
                browserCards.withLock { $0[begun.state] = summary }
                return Replies.redirect(begun.url)
            }
        } catch {
            logins.setPhase(transaction.id, .failed(error))
            return Replies.redirect("/login?tx=\(transaction.id)")
        }
    }

    /// `POST /login/ecps`: no card; CIBA on the e-CPS app with the national id typed by the professional.
    func submitECPS(_ request: Request) async throws(BrokerError) -> Response {
        try loginLimiter.check("login")
        let (form, transaction) = try await checkedPageForm(request)
        guard let nationalID = form["national_id"], nationalID.count <= 20,
            nationalID.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "/") })
        else {
            logins.setPhase(transaction.id, .failed(.other("malformed national id")))
            return Replies.redirect("/login?tx=\(transaction.id)")
        }
        do throws(LoginFailure) {
            let started = try await startCIBA(hint: nationalID, channel: .mobile)
            logins.setPhase(transaction.id, .ciba(binding: started.bindingMessage, expiresAt: started.expiresAt))
            waitCIBA(started, transaction: transaction.id, method: .eCPS, card: nil)
        } catch {
            logins.setPhase(transaction.id, .failed(error))
        }
        return Replies.redirect("/login?tx=\(transaction.id)")
    }

    /// `GET <PSC redirect path>`: PSC's browser login comes back to the broker's own listener.
    func pscCallback(_ request: Request) async -> Response {
        guard let psc else { return failurePage(.pscNotConfigured, transaction: nil) }
        let callback: CallbackParameters
        do throws(PSCError) {
            callback = try CallbackParameters(query: request.uri.query ?? "")
        } catch {
            return failurePage(.other(error.technicalDetail), transaction: nil)
        }
        guard let state = callback.state, let transaction = logins.find(pscState: state) else {
            return failurePage(.unknownTransaction, transaction: nil)
        }
        let card = browserCards.withLock { $0.removeValue(forKey: state) }
        do {
            let login = try await psc.completeLogin(callback)
            let phase = try await afterLogin(login, method: card == nil ? .eCPS : .cardPIN, card: card)
            logins.setPhase(transaction.id, phase)
            return continueLogin(transaction)
        } catch let failure as LoginFailure {
            logins.setPhase(transaction.id, .failed(failure))
        } catch let error as PSCError {
            logins.setPhase(transaction.id, .failed(LoginFailure.from(error)))
        } catch {
            logins.setPhase(transaction.id, .failed(.other("\(error)")))
        }
        return Replies.redirect("/login?tx=\(transaction.id)")
    }

    /// `GET /login/situation?tx=…`.
    func situationPage(_ request: Request) -> Response {
        let query = FormBody(request.uri.query ?? "")
        guard let id = query["tx"], let transaction = logins.get(id) else {
            return failurePage(.unknownTransaction, transaction: nil)
        }
        guard let session = sessions.active() else { return failurePage(.expired, transaction: transaction) }
        let options = session.situationCandidates.enumerated().map { index, situation in
            ["index": index, "label": situation.label, "first": index == 0] as [String: Any]
        }
        return pages.render(
            "situation", title: "Situation d'exercice",
            values: ["tx": transaction.id, "csrf": transaction.csrf, "situations": options])
    }

    /// `POST /login/situation`.
    func chooseSituation(_ request: Request) async throws(BrokerError) -> Response {
        try loginLimiter.check("login")
        let (form, transaction) = try await checkedPageForm(request)
        guard let session = sessions.active() else { return failurePage(.expired, transaction: transaction) }
        guard let index = form["situation"].flatMap(Int.init), session.situationCandidates.indices.contains(index)
        else { throw .badRequest("unknown situation") }
        sessions.chooseSituation(session.situationCandidates[index], sessionID: session.id)
        userinfoCache.withLock { $0 = [:] }
        audit.record("session.situation", ["session": session.id])
        return continueLogin(transaction)
    }

    /// `POST /login/cancel`: back to the app with `access_denied`.
    func cancelLogin(_ request: Request) async throws(BrokerError) -> Response {
        let (_, transaction) = try await checkedPageForm(request)
        logins.setPhase(transaction.id, .failed(.accessDenied("cancelled by the user")))
        guard let authorization = transaction.authorize else {
            return pages.message("Connexion annulée.", title: "Connexion", isError: false)
        }
        return redirectToApp(
            authorization.redirectURI, [("error", "access_denied"), ("error_description", "cancelled by the user")],
            state: authorization.state)
    }

    /// `GET /login/events`: card status as server-sent events for the login page.
    func cardEvents() async -> Response {
        let stream = await card.subscribe()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        let body = ResponseBody { writer in
            for await state in stream {
                let data =
                    (try? JSONSerialization.data(withJSONObject: state.json, options: [.sortedKeys])) ?? Data("{}".utf8)
                try await writer.write(ByteBuffer(string: "data: " + String(decoding: data, as: UTF8.self) + "\n\n"))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
