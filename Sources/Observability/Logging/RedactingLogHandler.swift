import Foundation
import Logging

/// The log handler of every Passerelle process: one line per event, JSON (`ts`, `level`, `logger`, `message`, then
/// the metadata) or text for a terminal. Provider, logger and call metadata are merged (call wins) and every value
/// goes through `Redaction` first, whatever the format.
public struct RedactingLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    private let label: String
    private let format: LogSetup.Format
    private let sink: @Sendable (String) -> Void

    public init(
        label: String, format: LogSetup.Format = .json, level: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil,
        sink: @escaping @Sendable (String) -> Void = LogSink.standardError
    ) {
        self.label = label
        self.format = format
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
        let message = event.message.description
        switch format {
        case .json: sink(Self.jsonLine(label: label, level: event.level, message: message, metadata: merged))
        case .text: sink(Self.textLine(label: label, level: event.level, message: message, metadata: merged))
        }
    }

    /// The JSON line without its newline (tests read it back with a JSON parser).
    public static func jsonLine(label: String, level: Logger.Level, message: String, metadata: Logger.Metadata)
        -> String
    {
        var object: [String: Any] = [
            "ts": LogSink.timestamp(), "level": level.rawValue, "logger": label,
            "message": Redaction.scrub(message),
        ]
        for (key, value) in metadata where object[key] == nil {
            object[key] = Redaction.isSensitive(key: key) ? Redaction.mask : plain(value)
        }
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: options) else {
            return #"{"level":"error","message":"unencodable log line"}"#
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `ts LEVEL logger: message key=value …`, redacted the same way.
    public static func textLine(label: String, level: Logger.Level, message: String, metadata: Logger.Metadata)
        -> String
    {
        let pairs = metadata.keys.sorted().map { key in
            let value = Redaction.isSensitive(key: key) ? Redaction.mask : Redaction.scrub("\(metadata[key] ?? "")")
            return "\(key)=\(value)"
        }
        let tail = pairs.isEmpty ? "" : " " + pairs.joined(separator: " ")
        return "\(LogSink.timestamp()) \(level.rawValue.uppercased()) \(label): \(Redaction.scrub(message))\(tail)"
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
