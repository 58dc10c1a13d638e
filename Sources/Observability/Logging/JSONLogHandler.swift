import Foundation
import Logging

/// One JSON object per line: `ts` (ISO 8601, UTC, milliseconds), `level`, `logger`, `message`, then the metadata
/// (provider, logger and call metadata merged, call wins). Every value goes through `Redaction` first.
public struct JSONLogHandler: LogHandler {
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
        sink(Self.line(label: label, level: event.level, message: event.message.description, metadata: merged))
    }

    /// The rendered line without its newline (tests read it back with a JSON parser).
    public static func line(label: String, level: Logger.Level, message: String, metadata: Logger.Metadata)
        -> String
    {
        var object: [String: Any] = [
            "ts": LogSink.timestamp(), "level": level.rawValue, "logger": label,
            "message": Redaction.scrub(message),
        ]
        for (key, value) in metadata where object[key] == nil {
            object[key] = Redaction.isSensitive(key: key) ? Redaction.mask : Self.plain(value)
        }
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: options) else {
            return #"{"level":"error","message":"unencodable log line"}"#
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func plain(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): Redaction.scrub(text)
        case .stringConvertible(let convertible): Redaction.scrub(convertible.description)
        case .array(let values): values.map(plain)
        case .dictionary(let dictionary):
            Dictionary(
                uniqueKeysWithValues: dictionary.map { key, value in
                    (key, Redaction.isSensitive(key: key) ? Redaction.mask as Any : plain(value))
                })
        }
    }
}
