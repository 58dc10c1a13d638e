import Foundation
import Hummingbird

extension Simulator {
    /// `GET|POST …/userinfo`: JSON by default, a signed JWT (`application/jwt`) when configured.
    func userinfo(_ request: Request) async -> Response {
        await state.count("userinfo")
        if let failure = await transportFailure("userinfo") { return failure }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
            let grant = await state.accessGrant(String(header.dropFirst(7))),
            let person = state.fixture.professional(grant.nationalID),
            var object = try? JSONSerialization.jsonObject(with: person.userinfoJSON) as? [String: Any]
        else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\""
            return Response(status: .unauthorized, headers: headers)
        }
        object["sub"] = person.sub
        let settings = await state.settings
        guard settings.userinfoAsJWT else { return Reply.json(object) }
        object["iss"] = issuer
        object["aud"] = grant.clientID
        let tamper: JWTSigner.Tamper =
            await state.takeFailure("userinfo", modes: ["badSignature"]) != nil ? .badSignature : .none
        guard
            let jwt = try? signer.sign(
                object, algorithm: settings.idTokenAlgorithm, generation: await state.keyGeneration, tamper: tamper)
        else { return Reply.oauthError("server_error", "signing failed", status: .internalServerError) }
        return Reply.raw(Data(jwt.utf8), contentType: "application/jwt")
    }

    /// `POST …/token/introspect` (RFC 7662), client-authenticated.
    func introspect(_ request: Request, context: SimulatorContext) async -> Response {
        await state.count("introspect")
        if let failure = await transportFailure("introspect") { return failure }
        guard let form = try? await Form.body(request) else { return Reply.oauthError("invalid_request", "body") }
        guard case .ok = await authenticateClient(request, form: form, context: context) else {
            return Reply.oauthError("invalid_client", "client authentication failed", status: .unauthorized)
        }
        guard let token = form["token"], let grant = await state.accessGrant(token),
            let person = state.fixture.professional(grant.nationalID)
        else { return Reply.json(["active": false]) }
        return Reply.json([
            "active": true, "client_id": grant.clientID, "sub": person.sub, "SubjectNameID": person.nationalID,
            "scope": grant.scope, "exp": Int(grant.expiresAt.timeIntervalSince1970), "token_type": "Bearer",
        ])
    }
}
