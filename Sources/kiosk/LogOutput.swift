import Foundation
import KioskServer
import Logging

/// How log lines are written: as text for people (`KIOSK_LOG_FORMAT=text`, the default) or as one
/// JSON object per line for machines (`json`). Every line written while a request is served names
/// its request id.
enum LogOutput {
    /// Sets up logging for the process from `KIOSK_LOG_FORMAT`; refuses any other value in one line.
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let format = environment["KIOSK_LOG_FORMAT"] ?? "text"
        switch format {
        case "text":
            LoggingSystem.bootstrap({ label, provider in StreamLogHandler.standardError(label: label, metadataProvider: provider) },
                                    metadataProvider: RequestID.metadataProvider)
        case "json":
            LoggingSystem.bootstrap({ label, provider in JSONLogHandler(label: label, metadataProvider: provider) }, metadataProvider: RequestID.metadataProvider)
        default:
            throw Messages.Refusal("KIOSK_LOG_FORMAT must be text or json, not “\(format)”.")
        }
    }
}

/// Writes each log line to standard error as one JSON object: time, level, logger, message and metadata.
struct JSONLogHandler: LogHandler {
    let label: String
    var metadataProvider: Logger.MetadataProvider?
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(label: String, metadataProvider: Logger.MetadataProvider?) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(
        level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String, file: String, function: String, line: UInt
    ) {
        var fields: [String: Any] = [
            "time": Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
            "level": level.rawValue, "logger": label, "message": message.description,
        ]
        let merged = metadata.merging(metadataProvider?.get() ?? [:]) { $1 }.merging(explicit ?? [:]) { $1 }
        for (key, value) in merged where fields[key] == nil { fields[key] = Self.plain(value) }
        guard var line = try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(UInt8(ascii: "\n"))
        FileHandle.standardError.write(line)
    }

    private static func plain(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let value): value.description
        case .array(let values): values.map(plain)
        case .dictionary(let values): values.mapValues(plain)
        }
    }
}
