import Foundation
import Hummingbird

extension Simulator {
    func discovery() async -> Response {
        await state.count("discovery")
        if let failure = await transportFailure("discovery") { return failure }
        let document: [String: Any] = [
            "issuer": issuer,
            "authorization_endpoint": base + "/auth",
            "token_endpoint": openIDConnect("token"),
            "userinfo_endpoint": openIDConnect("userinfo"),
            "jwks_uri": openIDConnect("certs"),
            "end_session_endpoint": openIDConnect("logout"),
            "introspection_endpoint": openIDConnect("token/introspect"),
            "backchannel_authentication_endpoint": openIDConnect("ext/ciba/auth"),
            "grant_types_supported": [
                "authorization_code", "refresh_token", "urn:openid:params:grant-type:ciba",
                "urn:ietf:params:oauth:grant-type:device_code",
            ],
            "response_types_supported": ["code"],
            "subject_types_supported": ["public", "pairwise"],
            "scopes_supported": ["openid", "scope_all"],
            "acr_values_supported": ["eidas1", "eidas2", "eidas3"],
            "id_token_signing_alg_values_supported": ["RS256", "PS256", "ES256"],
            "userinfo_signing_alg_values_supported": ["RS256", "ES256"],
            "token_endpoint_auth_methods_supported": [
                "client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "tls_client_auth",
            ],
            "code_challenge_methods_supported": ["S256"],
            "backchannel_token_delivery_modes_supported": ["poll"],
            "backchannel_user_code_parameter_supported": false,
            "tls_client_certificate_bound_access_tokens": true,
            "authorization_response_iss_parameter_supported": true,
            "mtls_endpoint_aliases": [
                "token_endpoint": openIDConnect("token", mtls: true),
                "userinfo_endpoint": openIDConnect("userinfo", mtls: true),
                "introspection_endpoint": openIDConnect("token/introspect", mtls: true),
                "backchannel_authentication_endpoint": openIDConnect("ext/ciba/auth", mtls: true),
            ],
        ]
        return Reply.json(document)
    }

    func jwks() async -> Response {
        await state.count("jwks")
        if let failure = await transportFailure("jwks") { return failure }
        return Reply.json(signer.keys.jwks(generation: await state.keyGeneration))
    }
}
