import Configuration
import Foundation

/// Reads a configuration and lists every problem in it instead of stopping at the first, so that one run of
/// `passerelle config check` is enough to fix a file: unknown keys, wrong types and values, missing keys for the
/// chosen modes, missing or too open files, insecure URLs, a broker reachable from the network.
public enum ConfigurationCheck {
    public static func run(
        explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> ConfigurationReport {
        let source: ConfigurationSource
        do {
            source = try await ConfigurationSource.open(explicitPath: explicitPath, environment: environment)
        } catch {
            return ConfigurationReport(file: explicitPath, problems: [openingProblem(error)], entries: [])
        }
        var run = CheckRun(source: source, environment: environment)
        run.checkUnknownKeys()
        run.readKnownKeys()
        run.checkRules()
        run.checkEnvironmentSecrets()
        return ConfigurationReport(file: source.file, problems: run.problems, entries: run.entries)
    }

    static func openingProblem(_ error: ConfigurationError) -> ConfigurationProblem {
        switch error.reason {
        case .noFile:
            ConfigurationProblem(
                .noFile, "", message: "Aucun fichier de configuration n'est indiqué.",
                fix: "Indiquez --config <fichier> ou la variable PASSERELLE_CONFIG (modèles dans Config/).",
                technicalDetail: error.technicalDetail)
        case .unreadable where FileManager.default.isReadableFile(atPath: error.subject):
            ConfigurationProblem(
                .syntax, "", message: "Le fichier « \(error.subject) » n'est pas un YAML valide.",
                fix: "Corrigez la syntaxe à l'endroit indiqué dans le détail technique (indentation par espaces).",
                technicalDetail: error.detail)
        default:
            ConfigurationProblem(
                .unreadableFile, "", message: "Le fichier de configuration « \(error.subject) » est illisible.",
                fix: "Vérifiez le chemin et les droits de lecture du fichier.", technicalDetail: error.technicalDetail)
        }
    }
}

/// One check in progress: the values found so far and the problems collected.
struct CheckRun {
    /// A known key with a value of the right type.
    struct Found {
        let spec: KeySpec
        let value: Value
        let line: Int?
        let environmentVariable: String?
    }

    enum Value {
        case text(String)
        case integer(Int)
        case number(Double)
        case flag(Bool)
        case list([String])

        var display: String {
            switch self {
            case .text(let text): text
            case .integer(let value): String(value)
            case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
            case .flag(let value): String(value)
            case .list(let values): "[" + values.joined(separator: ", ") + "]"
            }
        }
    }

    let source: ConfigurationSource
    let environment: [String: String]
    let scanned: [YAMLKeyScanner.Entry]
    let scannedByPath: [String: YAMLKeyScanner.Entry]
    var problems: [ConfigurationProblem] = []
    var found: [String: Found] = [:]

    init(source: ConfigurationSource, environment: [String: String]) {
        self.source = source
        self.environment = environment
        scanned = YAMLKeyScanner.scan(source.text)
        scannedByPath = Dictionary(scanned.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func add(_ problem: ConfigurationProblem) {
        if !problems.contains(where: { $0.keyPath == problem.keyPath && $0.kind == problem.kind }) {
            problems.append(problem)
        }
    }

    // MARK: unknown keys

    mutating func checkUnknownKeys() {
        for entry in scanned {
            let components = entry.path.split(separator: ".").map(String.init)
            for depth in 1...components.count {
                let prefix = components.prefix(depth).joined(separator: ".")
                if ConfigurationSchema.sections.contains(prefix) {
                    if depth == components.count, !entry.isMapping { wrongShape(entry, expectedSection: true) }
                    continue
                }
                if ConfigurationSchema.byPath[prefix] != nil { break }  // a value key: its type is checked later
                let parent = components.prefix(depth - 1).joined(separator: ".")
                unknown(prefix, parent: parent, line: entry.line)
                break
            }
        }
    }

    private mutating func unknown(_ path: String, parent: String, line: Int) {
        let name = path.split(separator: ".").last.map(String.init) ?? path
        let siblings = Self.children(of: parent)
        let suggestion = KeySuggestion.closest(to: name, among: siblings).map {
            parent.isEmpty ? $0 : parent + "." + $0
        }
        let fix =
            if let suggestion { "Vouliez-vous écrire « \(suggestion) » ? Corrigez le nom ou supprimez la clé." } else {
                "Supprimez la clé ou corrigez son nom ; clés possibles ici : \(siblings.joined(separator: ", "))."
            }
        add(
            ConfigurationProblem(
                .unknownKey, path, message: "La clé « \(path) » n'existe pas : elle serait ignorée.", fix: fix,
                technicalDetail: "unknown key \(path)" + (suggestion.map { " (did you mean \($0)?)" } ?? ""),
                line: line))
    }

    private mutating func wrongShape(_ entry: YAMLKeyScanner.Entry, expectedSection: Bool) {
        add(
            ConfigurationProblem(
                .wrongType, entry.path,
                message: expectedSection
                    ? "« \(entry.path) » doit être une section (des clés en dessous), pas une valeur."
                    : "« \(entry.path) » attend une valeur, pas une section.",
                fix: expectedSection
                    ? "Placez les clés de « \(entry.path) » en dessous, indentées ; clés possibles : "
                        + Self.children(of: entry.path).joined(separator: ", ") + "."
                    : "Donnez une valeur sur la même ligne (« \(entry.path.split(separator: ".").last ?? "") : … »).",
                technicalDetail: expectedSection
                    ? "expected a mapping at \(entry.path)" : "expected a scalar or a list",
                line: entry.line))
    }

    /// Names directly under `parent` in the schema.
    static func children(of parent: String) -> [String] {
        let prefix = parent.isEmpty ? "" : parent + "."
        var names: [String] = []
        for key in ConfigurationSchema.keys where key.path.hasPrefix(prefix) {
            let name = String(key.path.dropFirst(prefix.count).split(separator: ".").first ?? "")
            if !names.contains(name) { names.append(name) }
        }
        return names
    }

    // MARK: known keys

    mutating func readKnownKeys() {
        for spec in ConfigurationSchema.keys {
            let variable = ConfigurationSource.environmentName(spec.path)
            let fromEnvironment = environment[variable] != nil
            let entry = scannedByPath[spec.path]
            guard fromEnvironment || entry != nil else { continue }
            let line = fromEnvironment ? nil : entry?.line
            let source = fromEnvironment ? variable : nil
            if !fromEnvironment, let entry, entry.isMapping {
                if scanned.contains(where: { $0.path.hasPrefix(spec.path + ".") }) {
                    wrongShape(entry, expectedSection: false)
                } else {
                    empty(spec, line: line)
                }
                continue
            }
            guard let value = typed(spec, line: line, variable: source) else { continue }
            found[spec.path] = Found(spec: spec, value: value, line: line, environmentVariable: source)
        }
    }

    private mutating func typed(_ spec: KeySpec, line: Int?, variable: String?) -> Value? {
        let key = ConfigKey(spec.path)
        let reader = source.reader
        do {
            switch spec.type {
            case .string:
                let text = try reader.requiredString(forKey: key)
                if text.isEmpty {
                    empty(spec, line: line, variable: variable)
                    return nil
                }
                return .text(text)
            case .choice(let allowed):
                let text = try reader.requiredString(forKey: key)
                guard allowed.contains(text) else {
                    let suggestion = KeySuggestion.closest(to: text, among: allowed)
                    add(
                        ConfigurationProblem(
                            .invalidValue, spec.path,
                            message: "« \(text) » n'est pas une valeur possible pour « \(spec.path) ».",
                            fix: (suggestion.map { "Vouliez-vous écrire « \($0) » ? " } ?? "")
                                + "Valeurs possibles : \(allowed.joined(separator: ", ")).",
                            technicalDetail: "\(spec.path): expected one of \(allowed), got \(text)", line: line,
                            environmentVariable: variable))
                    return nil
                }
                return .text(text)
            case .integer(let range):
                let value = try reader.requiredInt(forKey: key)
                guard range.contains(value) else {
                    outOfRange(spec, "\(value)", "\(range.lowerBound)", "\(range.upperBound)", line, variable)
                    return nil
                }
                return .integer(value)
            case .number(let range):
                let value = try reader.requiredDouble(forKey: key)
                guard range.contains(value) else {
                    let bounds = (Value.number(range.lowerBound).display, Value.number(range.upperBound).display)
                    outOfRange(spec, Value.number(value).display, bounds.0, bounds.1, line, variable)
                    return nil
                }
                return .number(value)
            case .boolean:
                return .flag(try reader.requiredBool(forKey: key))
            case .list:
                return .list(try reader.requiredStringArray(forKey: key))
            }
        } catch {
            add(
                ConfigurationProblem(
                    .wrongType, spec.path,
                    message:
                        "La valeur de « \(spec.path) » n'a pas le bon type : \(Self.frenchType(spec.type)) attendu.",
                    fix: "Écrivez \(Self.example(spec.type)).",
                    technicalDetail: "\(spec.path): \(error)", line: line, environmentVariable: variable))
            return nil
        }
    }

    private mutating func empty(_ spec: KeySpec, line: Int?, variable: String? = nil) {
        add(
            ConfigurationProblem(
                .invalidValue, spec.path, message: "La clé « \(spec.path) » est présente mais vide.",
                fix: "Donnez-lui une valeur (\(Self.example(spec.type))) ou supprimez la ligne.",
                technicalDetail: "\(spec.path) is empty", line: line, environmentVariable: variable))
    }

    private mutating func outOfRange(
        _ spec: KeySpec, _ value: String, _ low: String, _ high: String, _ line: Int?, _ variable: String?
    ) {
        add(
            ConfigurationProblem(
                .outOfRange, spec.path,
                message: "La valeur \(value) de « \(spec.path) » est hors des limites admises.",
                fix: "Choisissez une valeur entre \(low) et \(high).",
                technicalDetail: "\(spec.path) = \(value), allowed range \(low)...\(high)", line: line,
                environmentVariable: variable))
    }

    static func frenchType(_ type: KeySpec.ValueType) -> String {
        switch type {
        case .string, .choice: "un texte"
        case .integer: "un nombre entier"
        case .number: "un nombre"
        case .boolean: "true ou false"
        case .list: "une liste"
        }
    }

    static func example(_ type: KeySpec.ValueType) -> String {
        switch type {
        case .string: "un texte, entre guillemets s'il contient « : » ou « # »"
        case .choice(let allowed): "l'une des valeurs \(allowed.joined(separator: ", "))"
        case .integer(let range): "un nombre entier entre \(range.lowerBound) et \(range.upperBound), sans guillemets"
        case .number(let range):
            "un nombre entre \(Value.number(range.lowerBound).display) et \(Value.number(range.upperBound).display)"
        case .boolean: "true ou false"
        case .list: "une liste, par exemple [\"a\", \"b\"]"
        }
    }

    // MARK: effective values

    var entries: [ConfigurationReport.Entry] {
        ConfigurationSchema.keys.map { spec in
            guard let value = found[spec.path] else {
                return ConfigurationReport.Entry(
                    keyPath: spec.path, value: nil, defaultValue: spec.defaultValue, source: "default",
                    environmentVariable: nil, line: nil)
            }
            var display = value.value.display
            if spec.isPath { display = PasserelleConfiguration.resolve(display, base: source.baseDirectory) }
            if spec.role == .postgresURL { display = Self.maskingPassword(display) }
            return ConfigurationReport.Entry(
                keyPath: spec.path, value: display, defaultValue: spec.defaultValue,
                source: value.environmentVariable == nil ? "file" : "environment",
                environmentVariable: value.environmentVariable, line: value.line)
        }
    }

    static func maskingPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "********"
        return components.string ?? url
    }
}
