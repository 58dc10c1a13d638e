import Hummingbird

extension OpenIDProvider {
    /// `/.well-known/openid-configuration` (OIDC Discovery 1.0).
    func discovery() -> Response {
        let base = issuer
        return Replies.json([
            "issuer": base,
            "authorization_endpoint": base + "/oidc/authorize",
            "token_endpoint": base + "/oidc/token",
            "userinfo_endpoint": base + "/oidc/userinfo",
            "jwks_uri": base + "/oidc/jwks",
            "end_session_endpoint": base + "/oidc/logout",
            "revocation_endpoint": base + "/oidc/revoke",
            "backchannel_authentication_endpoint": base + "/oidc/ciba",
            "backchannel_token_delivery_modes_supported": ["poll"],
            "backchannel_user_code_parameter_supported": false,
            "backchannel_logout_supported": true,
            "backchannel_logout_session_supported": true,
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code", "refresh_token", "urn:openid:params:grant-type:ciba"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "none"],
            "code_challenge_methods_supported": ["S256"],
            "scopes_supported": ["openid", "profile", "offline_access"],
            "claims_supported": [
                "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "sid", "given_name",
                "family_name", "name", "profession", "situation_exercice", "SubjectNameID",
            ],
            "prompt_values_supported": ["none", "login"],
            "authorization_response_iss_parameter_supported": true,
            "request_parameter_supported": false,
            "request_uri_parameter_supported": false,
        ])
    }

    func jwks() -> Response {
        var response = Replies.raw(keys.jwksDocument, contentType: "application/json")
        response.headers[.cacheControl] = "public, max-age=300"
        return response
    }
}
