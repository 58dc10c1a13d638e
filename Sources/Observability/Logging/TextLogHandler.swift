import Logging

/// Human-readable lines for a terminal (`logging.format: text`), redacted exactly like the JSON lines.
public struct TextLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    private let label: String
    private let sink: @Sendable (String) -> Void

    public init(
        label: String, level: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil,
        sink: @escaping @Sendable (String) -> Void = LogSink.standardError
    ) {
        self.label = label
        self.logLevel = level
        self.metadataProvider = metadataProvider
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let call = event.metadata { merged.merge(call) { _, new in new } }
        let pairs = merged.keys.sorted().map { key in
            let value = Redaction.isSensitive(key: key) ? Redaction.mask : Redaction.scrub("\(merged[key] ?? "")")
            return "\(key)=\(value)"
        }
        let tail = pairs.isEmpty ? "" : " " + pairs.joined(separator: " ")
        sink(
            "\(LogSink.timestamp()) \(event.level.rawValue.uppercased()) \(label): \(Redaction.scrub("\(event.message)"))\(tail)"
        )
    }
}
