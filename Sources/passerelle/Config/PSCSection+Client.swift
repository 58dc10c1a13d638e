import PasserelleConfiguration
import ProSanteConnect

extension PSCSection {
    /// The PSC client configuration: secrets read from their files now, unset keys left to the client's defaults.
    func clientConfiguration() throws(ConfigurationError) -> PSCConfiguration {
        let authentication: ProSanteConnect.ClientAuthentication
        switch clientAuthentication {
        case .clientSecretBasic, .clientSecretPost:
            guard let clientSecretFile else { throw ConfigurationError(.missingKey, "psc.clientSecretFile") }
            let secret = try SecretFile.read(clientSecretFile, key: "psc.clientSecretFile")
            authentication =
                clientAuthentication == .clientSecretBasic
                ? .clientSecretBasic(secret: secret) : .clientSecretPost(secret: secret)
        case .tlsClientAuth:
            guard let pkcs12File else { throw ConfigurationError(.missingKey, "psc.tls.pkcs12") }
            guard let passphraseFile else { throw ConfigurationError(.missingKey, "psc.tls.passphraseFile") }
            authentication = .tlsClientAuth(
                pkcs12Path: pkcs12File, passphrase: try SecretFile.read(passphraseFile, key: "psc.tls.passphraseFile"))
        }
        var configuration = PSCConfiguration(
            issuer: issuer, discoveryURL: discoveryURL, clientID: clientID, clientAuthentication: authentication,
            trustRootsPEM: trustRootsFile)
        if let scopes { configuration.scopes = scopes }
        if let acrValues { configuration.acrValues = acrValues }
        if let acceptedACR { configuration.acceptedACR = acceptedACR }
        if let enforceACR { configuration.enforceACR = enforceACR }
        if let redirectURI { configuration.redirectURI = redirectURI }
        if let postLogoutRedirectURI { configuration.postLogoutRedirectURI = postLogoutRedirectURI }
        if let prompt { configuration.prompt = prompt }
        if let allowedAlgorithms { configuration.allowedAlgorithms = allowedAlgorithms }
        if let clockSkewSeconds { configuration.clockSkew = clockSkewSeconds }
        if let requestTimeoutSeconds { configuration.requestTimeout = requestTimeoutSeconds }
        if let cacheLifetimeSeconds { configuration.cacheLifetime = cacheLifetimeSeconds }
        if let staleLimitSeconds { configuration.staleLimit = staleLimitSeconds }
        if let jwksRefetchIntervalSeconds { configuration.jwksRefetchInterval = jwksRefetchIntervalSeconds }
        return configuration
    }
}
