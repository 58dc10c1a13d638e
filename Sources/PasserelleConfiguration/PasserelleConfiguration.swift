import Configuration
import Foundation

/// The whole `passerelle.yaml`: one section per subsystem (a `…Section` type read from its scoped `ConfigReader`).
///
/// Sources, first match wins: environment variables `PASSERELLE_<SECTION>_<KEY>` (dots and camelCase boundaries
/// become `_`, upper case, e.g. `PASSERELLE_INSI_TIMEOUTS_REQUEST_SECONDS`), then the YAML file. Relative paths are
/// relative to the file's folder. `load` stops at the first unusable key; `ConfigurationCheck` lists them all.
public struct PasserelleConfiguration: Sendable {
    /// The file it was read from.
    public let file: String
    /// `dataDirectory`, resolved; nil = the command line, `PASSERELLE_DATA_DIR` or the default decide.
    public let dataDirectory: String?
    public let insi: INSiSection?
    public let psc: PSCSection?
    public let broker: BrokerSection?
    public let card: CardSection?
    public let store: StoreSection?
    public let logging: LoggingSection?

    /// Reads `explicitPath`, else `PASSERELLE_CONFIG`.
    public static func load(
        explicitPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(ConfigurationError) -> PasserelleConfiguration {
        let source = try await ConfigurationSource.open(explicitPath: explicitPath, environment: environment)
        let reader = source.reader
        let base = source.baseDirectory
        return PasserelleConfiguration(
            file: source.file,
            dataDirectory: reader.string(forKey: "dataDirectory").map { resolve($0, base: base) },
            insi: try INSiSection.read(reader.scoped(to: "insi"), baseDirectory: base),
            psc: try PSCSection.read(reader.scoped(to: "psc"), baseDirectory: base),
            broker: try BrokerSection.read(reader.scoped(to: "broker"), baseDirectory: base),
            card: try CardSection.read(reader.scoped(to: "card"), baseDirectory: base),
            store: try StoreSection.read(reader.scoped(to: "store"), baseDirectory: base),
            logging: try LoggingSection.read(reader.scoped(to: "logging")))
    }

    /// Resolves a configured path against the configuration file's folder.
    static func resolve(_ path: String, base: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/") { return NSString(string: path).expandingTildeInPath }
        return URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
    }
}
