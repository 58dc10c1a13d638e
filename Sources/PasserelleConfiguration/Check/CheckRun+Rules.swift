import Foundation

/// The checks that need more than one key or the file system: what each mode requires, files, URLs, hosts.
extension CheckRun {
    func text(_ path: String) -> String? {
        if case .text(let value)? = found[path]?.value { return value }
        return nil
    }

    func list(_ path: String) -> [String]? {
        if case .list(let values)? = found[path]?.value { return values }
        return nil
    }

    /// True when the section is written at all (in the file or through the environment).
    func present(_ section: String) -> Bool {
        scanned.contains { $0.path == section || $0.path.hasPrefix(section + ".") }
            || ConfigurationSchema.keys.contains {
                $0.path.hasPrefix(section + ".") && environment[ConfigurationSource.environmentName($0.path)] != nil
            }
    }

    /// True when the key is written, even with a wrong value (already reported then).
    func written(_ path: String) -> Bool {
        found[path] != nil || scannedByPath[path] != nil
            || environment[ConfigurationSource.environmentName(path)] != nil
    }

    mutating func require(_ path: String, because reason: String) {
        guard !written(path) else { return }
        let parent = path.split(separator: ".").dropLast().joined(separator: ".")
        let name = path.split(separator: ".").last.map(String.init) ?? path
        add(
            ConfigurationProblem(
                .missingKey, path, message: "La clé « \(path) » est obligatoire \(reason).",
                fix: parent.isEmpty
                    ? "Ajoutez « \(name): … » au fichier." : "Ajoutez « \(name): … » dans la section « \(parent) ».",
                technicalDetail: "missing key \(path)",
                line: scannedByPath[parent]?.line))
    }

    mutating func checkRules() {
        checkINSi()
        checkPSC()
        checkCard()
        checkStore()
        for value in found.values.sorted(by: { $0.spec.path < $1.spec.path }) {
            guard case .text(let text) = value.value else { continue }
            switch value.spec.role {
            case .plain, .outputPath, .postgresURL: break
            case .nationalURL: checkNationalURL(value, text)
            case .redirectURL: checkRedirectURL(value, text)
            case .inputFile, .secretFile, .directory: checkFile(value, text)
            case .loopbackHost: checkLoopbackHost(value, text)
            }
        }
        if let directory = text("dataDirectory") {
            var isDirectory: ObjCBool = false
            let path = PasserelleConfiguration.resolve(directory, base: source.baseDirectory)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                add(
                    problem(
                        .invalidValue, "dataDirectory", "« \(path) » est un fichier, pas un dossier.",
                        "Indiquez un dossier (il est créé s'il n'existe pas).", "\(path) is not a directory"))
            }
        }
        problems.sort { ($0.line ?? Int.max, $0.keyPath) < ($1.line ?? Int.max, $1.keyPath) }
    }

    /// A problem located where the key's value comes from.
    func problem(
        _ kind: ConfigurationProblem.Kind, _ path: String, _ message: String, _ fix: String, _ detail: String,
        severity: ConfigurationProblem.Severity = .error
    ) -> ConfigurationProblem {
        ConfigurationProblem(
            kind, path, severity: severity, message: message, fix: fix, technicalDetail: detail,
            line: found[path]?.line ?? scannedByPath[path]?.line, environmentVariable: found[path]?.environmentVariable)
    }

    // MARK: sections

    private mutating func checkINSi() {
        guard present("insi") else { return }
        require("insi.mode", because: "dès que la section insi est présente (mtls ou cpx)")
        require("insi.tls.trustRoots", because: "pour vérifier le certificat du serveur INSi (IGC-Santé)")
        require("insi.lps.idam", because: "(numéro d'autorisation CNDA du logiciel)")
        require("insi.structureId", because: "(identifiant de la structure, OU du certificat organisation)")
        switch text("insi.mode") {
        case "mtls":
            require("insi.endpoints.mtls", because: "en mode mtls")
            require("insi.tls.pkcs12", because: "en mode mtls (certificat organisation AUTH_CLI)")
            require("insi.tls.passphraseFile", because: "en mode mtls (fichier du mot de passe du PKCS#12)")
        case "cpx":
            require("insi.endpoints.cpx", because: "en mode cpx")
            require("insi.cpx.nationalId", because: "en mode cpx (identifiant national du professionnel)")
        default: break
        }
        if written("insi.cpx.nationalId") || text("insi.mode") == "cpx" {
            require("insi.cpx.identifiantFacturation", because: "avec insi.cpx")
            require("insi.cpx.secteurActivite", because: "avec insi.cpx")
        }
        if case .integer(let base)? = found["insi.retries.baseDelayMs"]?.value,
            case .integer(let maximum)? = found["insi.retries.maxDelayMs"]?.value, base > maximum
        {
            add(
                problem(
                    .invalidValue, "insi.retries.maxDelayMs",
                    "Le délai maximal entre deux essais INSi est plus court que le délai de base.",
                    "Donnez à maxDelayMs une valeur supérieure ou égale à baseDelayMs (\(base)).",
                    "maxDelayMs \(maximum) < baseDelayMs \(base)"))
        }
    }

    private mutating func checkPSC() {
        guard present("psc") else { return }
        require("psc.issuer", because: "dès que la section psc est présente")
        require("psc.clientID", because: "(identifiant du client fourni par l'ANS)")
        require(
            "psc.clientAuthentication", because: "(client_secret_basic, client_secret_post ou tls_client_auth)")
        switch text("psc.clientAuthentication") {
        case "client_secret_basic", "client_secret_post":
            require("psc.clientSecretFile", because: "avec \(text("psc.clientAuthentication") ?? "")")
        case "tls_client_auth":
            require("psc.tls.pkcs12", because: "avec tls_client_auth (certificat organisation AUTH_CLI)")
            require("psc.tls.passphraseFile", because: "avec tls_client_auth")
        default: break
        }
        if let scopes = list("psc.scopes"), !scopes.contains("openid") {
            add(
                problem(
                    .invalidValue, "psc.scopes", "Les scopes PSC doivent contenir « openid ».",
                    "Écrivez par exemple scopes: [\"openid\", \"scope_all\"].", "scopes \(scopes) lack openid"))
        }
        if let algorithms = list("psc.allowedAlgorithms") {
            let forbidden = algorithms.filter { $0.lowercased() == "none" || $0.uppercased().hasPrefix("HS") }
            if !forbidden.isEmpty || algorithms.isEmpty {
                add(
                    problem(
                        .invalidValue, "psc.allowedAlgorithms",
                        "Les algorithmes de signature acceptés ne sont pas sûrs ou la liste est vide.",
                        "Gardez uniquement des algorithmes asymétriques : [\"RS256\", \"PS256\", \"ES256\"].",
                        "forbidden or empty algorithm list: \(algorithms)"))
            }
        }
        if present("psc"), written("broker.pscConfig") {
            add(
                problem(
                    .ignoredKey, "broker.pscConfig", "« broker.pscConfig » est ignorée : la section psc l'emporte.",
                    "Supprimez broker.pscConfig (l'ancien fichier psc.json n'est plus nécessaire).",
                    "broker.pscConfig is ignored when a psc section exists", severity: .warning))
        }
    }

    private mutating func checkCard() {
        if text("card.transport") == "in-process" {
            require("card.virtualCards", because: "avec le transport in-process (cartes virtuelles de test)")
        }
    }

    private mutating func checkStore() {
        let backend = text("store.backend") ?? (written("store.postgresql.url") ? "postgresql" : "sqlite")
        if backend == "postgresql" {
            require("store.postgresql.url", because: "avec le stockage postgresql")
        } else if written("store.postgresql.url") {
            add(
                problem(
                    .ignoredKey, "store.postgresql.url",
                    "« store.postgresql.url » est ignorée : le stockage est sqlite.",
                    "Écrivez « backend: postgresql » pour utiliser PostgreSQL, ou supprimez l'URL.",
                    "store.postgresql.url is ignored with backend sqlite", severity: .warning))
        }
        guard let url = text("store.postgresql.url") else { return }
        guard let components = URLComponents(string: url),
            components.scheme == "postgres" || components.scheme == "postgresql", let host = components.host,
            !host.isEmpty
        else {
            add(
                problem(
                    .invalidValue, "store.postgresql.url", "L'URL PostgreSQL n'est pas valide.",
                    "Écrivez postgres://utilisateur@hôte:5432/base (sans mot de passe).",
                    "not a postgres:// URL with a host"))
            return
        }
        if components.password != nil {
            add(
                problem(
                    .inlineSecret, "store.postgresql.url",
                    "L'URL PostgreSQL contient un mot de passe en clair.",
                    "Retirez le mot de passe de l'URL et placez-le dans un fichier (mode 0600) indiqué par "
                        + "store.postgresql.passwordFile.",
                    "password inside store.postgresql.url"))
        }
        let requiresTLS = components.queryItems?.contains { $0.name == "sslmode" && $0.value == "require" } ?? false
        if !Self.isLoopback(host), !requiresTLS {
            add(
                problem(
                    .insecureURL, "store.postgresql.url",
                    "La base PostgreSQL est sur le réseau sans TLS obligatoire.",
                    "Ajoutez « ?sslmode=require » à l'URL (ou utilisez une base locale).",
                    "non-loopback PostgreSQL host \(host) without sslmode=require", severity: .warning))
        }
    }

    // MARK: values

    private mutating func checkNationalURL(_ value: Found, _ text: String) {
        let path = value.spec.path
        guard let url = URLComponents(string: text), let scheme = url.scheme, let host = url.host, !host.isEmpty else {
            add(
                problem(
                    .invalidValue, path, "« \(text) » n'est pas une URL complète.",
                    "Écrivez une URL absolue en https, par exemple celle du modèle Config/passerelle.production.yaml.",
                    "\(path): not an absolute URL"))
            return
        }
        if scheme != "https", !(scheme == "http" && Self.isLoopback(host)) {
            add(
                problem(
                    .insecureURL, path, "Le service national « \(path) » doit être joint en https.",
                    "Remplacez « \(scheme)://» par « https:// » (http n'est admis que pour un simulateur local).",
                    "\(path): scheme \(scheme) for non-loopback host \(host)"))
        }
    }

    private mutating func checkRedirectURL(_ value: Found, _ text: String) {
        let path = value.spec.path
        guard let url = URLComponents(string: text), let scheme = url.scheme, let host = url.host, !host.isEmpty,
            scheme == "https" || (scheme == "http" && Self.isLoopback(host))
        else {
            add(
                problem(
                    .invalidValue, path,
                    "« \(path) » doit être une adresse de retour locale (http://127.0.0.1/…) ou en https.",
                    "Écrivez par exemple http://127.0.0.1/callback (le port est choisi au démarrage).",
                    "\(path): \(text) is neither a loopback http URL nor https"))
            return
        }
    }

    private mutating func checkLoopbackHost(_ value: Found, _ text: String) {
        guard !Self.isLoopback(text) else { return }
        add(
            problem(
                .notLoopback, value.spec.path,
                "Le broker écouterait sur « \(text) », une adresse joignable depuis le réseau.",
                "Écrivez « host: 127.0.0.1 » : le broker n'écoute que sur la boucle locale (design.md §5).",
                "\(value.spec.path) \(text) is not a loopback address"))
    }

    private mutating func checkFile(_ value: Found, _ text: String) {
        let spec = value.spec
        let path = PasserelleConfiguration.resolve(text, base: source.baseDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            add(
                problem(
                    .missingFile, spec.path,
                    "\(spec.role == .directory ? "Le dossier" : "Le fichier") « \(path) » indiqué par "
                        + "« \(spec.path) » n'existe pas.",
                    "Créez-le ou corrigez le chemin (relatif au dossier du fichier de configuration).",
                    "\(spec.path): \(path) does not exist"))
            return
        }
        if spec.role == .directory {
            if !isDirectory.boolValue {
                add(
                    problem(
                        .invalidValue, spec.path, "« \(path) » est un fichier, un dossier est attendu.",
                        "Indiquez le dossier qui le contient.", "\(spec.path): \(path) is not a directory"))
            }
            return
        }
        if isDirectory.boolValue {
            add(
                problem(
                    .invalidValue, spec.path, "« \(path) » est un dossier, un fichier est attendu.",
                    "Indiquez le chemin du fichier lui-même.", "\(spec.path): \(path) is a directory"))
            return
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            add(
                problem(
                    .unreadableFile, spec.path, "Le fichier « \(path) » n'est pas lisible par passerelle.",
                    "Donnez le droit de lecture à l'utilisateur qui exécute passerelle (chown ou chmod).",
                    "\(spec.path): \(path) is not readable"))
            return
        }
        guard spec.role == .secretFile else { return }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber,
            size.intValue == 0
        {
            add(
                problem(
                    .invalidValue, spec.path, "Le fichier secret « \(path) » est vide.",
                    "Écrivez le secret dans le fichier (une seule ligne).", "\(spec.path): \(path) is empty"))
        }
        let permissions =
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if permissions & 0o077 != 0 {
            add(
                problem(
                    .secretPermissions, spec.path,
                    "Le fichier secret « \(path) » est lisible par d'autres utilisateurs (mode "
                        + String(permissions & 0o777, radix: 8) + ").",
                    "Restreignez-le à son propriétaire : chmod 600 \(path)",
                    "\(spec.path): \(path) has mode 0\(String(permissions & 0o777, radix: 8)), wider than 0600",
                    severity: .warning))
        }
    }

    // MARK: environment

    /// Secrets given directly in the environment are not read: say so rather than let someone believe they work.
    mutating func checkEnvironmentSecrets() {
        let ignored = [
            ("PASSERELLE_PSC_CLIENT_SECRET", "psc.clientSecretFile"),
            ("PASSERELLE_PSC_TLS_PASSPHRASE", "psc.tls.passphraseFile"),
            ("PASSERELLE_INSI_TLS_PASSPHRASE", "insi.tls.passphraseFile"),
            ("PASSERELLE_STORE_POSTGRESQL_PASSWORD", "store.postgresql.passwordFile"),
        ]
        for (variable, key) in ignored where environment[variable] != nil {
            add(
                ConfigurationProblem(
                    .inlineSecret, key, severity: .warning,
                    message: "La variable \(variable) est ignorée : les secrets se lisent dans des fichiers.",
                    fix: "Écrivez le secret dans un fichier de mode 0600 et indiquez son chemin par \(key) "
                        + "(ou \(ConfigurationSource.environmentName(key))).",
                    technicalDetail: "\(variable) is ignored: secrets are only read from files",
                    environmentVariable: variable))
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
